package io.quarkiverse.launchdarkly.runtime.registration.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.smallrye.mutiny.Uni;

/**
 * The five metric operations of LaunchDarkly's REST API, for the Quarkus REST client. Bodies go out as JSON text
 * written by {@link MetricsJson} and answers come back as {@link Response}s (the default exception mapper is
 * disabled), so that the wire format does not depend on the application's {@code ObjectMapper} customizations and
 * every status, header and error body reaches {@link LaunchDarklyMetricsClient}. Each call answers a {@link Uni}, so that
 * the caller can stop waiting at its deadline and cancel the request.
 * <p>
 * The access token is a parameter of each call, so that clients with other tokens can share one REST client. The
 * constant headers ({@code LD-API-Version}, {@code User-Agent}) are added by {@link ApiHeadersFilter}.
 */
@Path("/api/v2/metrics")
@Produces(MediaType.APPLICATION_JSON)
public interface MetricsRestApi {

    @GET
    @Path("/{projectKey}")
    Uni<Response> list(@HeaderParam("Authorization") String token, @PathParam("projectKey") String projectKey,
            @QueryParam("limit") int limit, @QueryParam("offset") int offset, @QueryParam("filter") String filter);

    @POST
    @Path("/{projectKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@HeaderParam("Authorization") String token, @PathParam("projectKey") String projectKey, String body);

    @GET
    @Path("/{projectKey}/{metricKey}")
    Uni<Response> get(@HeaderParam("Authorization") String token, @PathParam("projectKey") String projectKey,
            @PathParam("metricKey") String metricKey);

    @PATCH
    @Path("/{projectKey}/{metricKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@HeaderParam("Authorization") String token, @PathParam("projectKey") String projectKey,
            @PathParam("metricKey") String metricKey, String body);

    @DELETE
    @Path("/{projectKey}/{metricKey}")
    Uni<Response> delete(@HeaderParam("Authorization") String token, @PathParam("projectKey") String projectKey,
            @PathParam("metricKey") String metricKey);
}
