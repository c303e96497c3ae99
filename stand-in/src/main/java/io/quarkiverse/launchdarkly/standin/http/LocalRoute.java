package io.quarkiverse.launchdarkly.standin.http;

/**
 * A part of the local stand-in's HTTP surface (events, flag data, metrics REST API). Handlers are called from the
 * server's worker threads and must be thread-safe.
 */
@FunctionalInterface
public interface LocalRoute {

    /** Answers one request. Handlers report client mistakes as 4xx responses rather than by throwing. */
    LocalResponse handle(LocalRequest request);
}
