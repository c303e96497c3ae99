package io.quarkiverse.launchdarkly.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * LaunchDarkly's metrics REST API: create, read, list, update and delete the metric definitions of a project.
 * <p>
 * Inject it where needed. Every method has a variant without a project key, which uses the configured one
 * ({@code quarkus.launchdarkly.api.project-key}; {@code default} in local mode), and a variant naming the project.
 * In dev and test mode without an SDK key the calls go to the local stand-in, with its writer token; otherwise to
 * {@code quarkus.launchdarkly.api.base-url} with the token of {@code quarkus.launchdarkly.api.token} or of the
 * environment variables {@code LAUNCHDARKLY_API_TOKEN}, {@code LAUNCHDARKLY_API_KEY}, {@code LD_API_KEY}. When no
 * token (or, for the variants without one, no project key) is configured, each call throws an
 * {@link IllegalStateException} saying what to set; the application starts anyway.
 * <p>
 * Every request sends the token raw in {@code Authorization}, {@code LD-API-Version: 20240415} and
 * {@code User-Agent: quarkus-launchdarkly/<version>}. Failures are thrown as subclasses of
 * {@link LaunchDarklyApiException}. Rate limits (429), server errors (5xx) and I/O failures are retried inside each
 * call with capped exponential backoff and jitter (a 429 waits at least as long as LaunchDarkly asks), at most
 * {@code quarkus.launchdarkly.registration.max-retries} times. A 429, or an answer saying that the rate-limit window
 * is used up ({@code X-Ratelimit-Route-Remaining: 0}), holds back every request of the client until the window's
 * reset, in all threads: LaunchDarkly counts its limits per token, so they would only be refused. A copy made with
 * {@link #withDeadline(Instant)} is a run of its own: it starts no retry that would begin after the deadline, and its
 * requests (and those of the copies {@link #withMaxRetries(int)} makes from it) share a hold of their own.
 * <p>
 * The calls block: do not call them on an event-loop thread. Instances are immutable and thread-safe; the token never
 * appears in a message, a log line or {@link #toString()}.
 */
public interface LaunchDarklyMetricsClient {

    /** The REST API version the client is written against, sent in {@value #API_VERSION_HEADER}. */
    String API_VERSION = "20240415";

    /** The header that selects the REST API version. */
    String API_VERSION_HEADER = "LD-API-Version";

    /** The page size of {@link #list()}: the largest LaunchDarkly allows. */
    int PAGE_SIZE = 50;

    /**
     * The configured project key.
     *
     * @throws IllegalStateException when none is configured
     */
    String projectKey();

    /** Whether a project key is configured. */
    boolean hasProjectKey();

    /** Whether an access token is configured, so that calls can be made. */
    boolean hasToken();

    /** How many times one request is retried. */
    int maxRetries();

    /** The deadline after which no retry starts, if any. */
    Optional<Instant> deadline();

    /**
     * A copy of this client that starts no retry after {@code deadline}: when the wait before a retry would end after
     * it, the call throws the last failure at once. {@code null} removes the deadline. First attempts are made, unless
     * a rate limit this copy met holds its requests back beyond the deadline: then the call fails at once, saying so.
     */
    LaunchDarklyMetricsClient withDeadline(Instant deadline);

    /**
     * A copy of this client that authenticates with another access token (for example to check what a token with
     * another role may do). It shares the HTTP connections of this client.
     */
    LaunchDarklyMetricsClient withToken(String token);

    /** A copy of this client that retries each request at most {@code maxRetries} times. */
    LaunchDarklyMetricsClient withMaxRetries(int maxRetries);

    /** Creates a metric in the configured project ("Create metric"); see {@link #create(String, MetricPost)}. */
    MetricRep create(MetricPost metric);

    /**
     * Creates a metric ({@code POST /api/v2/metrics/{projectKey}}).
     *
     * @return the metric as LaunchDarkly stored it
     * @throws ConflictException when the key is taken ({@link LaunchDarklyApiException#isAlreadyExists()})
     * @throws InvalidRequestException when LaunchDarkly refuses the body
     * @throws ForbiddenException when the token lacks the {@code writer} role
     */
    MetricRep create(String projectKey, MetricPost metric);

    /** Reads a metric of the configured project; see {@link #get(String, String)}. */
    Optional<MetricRep> get(String metricKey);

    /**
     * Reads a metric ({@code GET /api/v2/metrics/{projectKey}/{metricKey}}).
     *
     * @return the metric, or empty when LaunchDarkly answers 404 (no such metric, or no such project)
     */
    Optional<MetricRep> get(String projectKey, String metricKey);

    /** Every metric of the configured project; see {@link #list(String, String)}. */
    List<MetricRep> list();

    /**
     * The metrics of the configured project that match a filter; see {@link #list(String, String)}.
     *
     * @param filter LaunchDarkly's metric filter, for example {@code tags contains ["managed-by-quarkus"]}
     */
    List<MetricRep> list(String filter);

    /**
     * The metrics of a project that match a filter ({@code GET /api/v2/metrics/{projectKey}}), reading page after page
     * ({@value #PAGE_SIZE} metrics each) until all are read.
     *
     * @param filter LaunchDarkly's metric filter, for example {@code tags contains ["managed-by-quarkus"]}, or
     *        {@code null} for every metric
     * @throws MetricNotFoundException when there is no such project
     */
    List<MetricRep> list(String projectKey, String filter);

    /** Updates a metric of the configured project; see {@link #update(String, String, List)}. */
    MetricRep update(String metricKey, List<PatchOperation> patch);

    /**
     * Updates a metric with a JSON Patch ({@code PATCH /api/v2/metrics/{projectKey}/{metricKey}}), sent as it is.
     *
     * @return the metric after the update
     * @throws IllegalArgumentException when the patch is empty (LaunchDarkly has nothing to do)
     * @throws MetricNotFoundException when there is no such metric
     */
    MetricRep update(String projectKey, String metricKey, List<PatchOperation> patch);

    /** Deletes a metric of the configured project; see {@link #delete(String, String)}. */
    void delete(String metricKey);

    /**
     * Deletes a metric ({@code DELETE /api/v2/metrics/{projectKey}/{metricKey}}).
     *
     * @throws MetricNotFoundException when there is no such metric
     */
    void delete(String projectKey, String metricKey);

}
