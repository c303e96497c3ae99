package io.quarkiverse.launchdarkly.standin.metrics;

/**
 * The role of an API access token registered on {@link MetricsApi}. LaunchDarkly only lets tokens with the
 * {@code writer} role (or a custom role with the same rights) create, update or delete metrics; the stand-in keeps
 * that distinction so that a client's handling of 403 can be tested.
 */
public enum ApiRole {

    /** May read metrics; every write answers 403. */
    READER,

    /** May read, create, update and delete metrics. */
    WRITER;

    /** Whether a token with this role may create, update or delete metrics. */
    public boolean mayWrite() {
        return this == WRITER;
    }
}
