package io.quarkiverse.launchdarkly.it.docs.ai;

// tag::imports[]
import java.io.IOException;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;

// end::imports[]

/** The docs' example of the answer a service gives when an AI feature is off. */
@Path("/docs/summaries")
public class TicketSummaryResource {

    private final TriageAgent agent;

    TicketSummaryResource(TriageAgent agent) {
        this.agent = agent;
    }

    @POST
    public String summarize(String ticket, @HeaderParam("X-Customer") String customer) throws IOException {
        return agent.summarize(customer, ticket, null).text();
    }

    // tag::mapper[]
    @ServerExceptionMapper
    public RestResponse<String> assistantOff(AiConfigDisabledException e) {
        return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, "The assistant is not available.");
    }
    // end::mapper[]
}
