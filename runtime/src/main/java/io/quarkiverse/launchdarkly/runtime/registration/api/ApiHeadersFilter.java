package io.quarkiverse.launchdarkly.runtime.registration.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;

/** Adds the headers every LaunchDarkly REST request carries: {@code LD-API-Version} and {@code User-Agent}. */
final class ApiHeadersFilter implements ClientRequestFilter {

    private final String userAgent;

    ApiHeadersFilter(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(LaunchDarklyMetricsClient.API_VERSION_HEADER, LaunchDarklyMetricsClient.API_VERSION);
        request.getHeaders().putSingle("User-Agent", userAgent);
    }
}
