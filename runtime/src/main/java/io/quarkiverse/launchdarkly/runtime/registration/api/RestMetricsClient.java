package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.launchdarkly.registration.ConflictException;
import io.quarkiverse.launchdarkly.registration.ForbiddenException;
import io.quarkiverse.launchdarkly.registration.InvalidRequestException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyApiException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricNotFoundException;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.PatchOperation;
import io.quarkiverse.launchdarkly.registration.RateLimitedException;
import io.quarkiverse.launchdarkly.registration.ServerErrorException;
import io.quarkiverse.launchdarkly.registration.UnauthorizedException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The {@link LaunchDarklyMetricsClient} over the Quarkus REST client: the request loop with its retries (as
 * {@link RetryPolicy} describes) and the mapping of LaunchDarkly's error answers to exceptions.
 */
public final class RestMetricsClient implements LaunchDarklyMetricsClient {

    static final String PATH_PREFIX = "/api/v2/metrics/";
    static final String MISSING_PROJECT_KEY = "No LaunchDarkly project key is configured. Set"
            + " quarkus.launchdarkly.api.project-key to the key of the project the metrics belong to (LaunchDarkly:"
            + " Project settings > Projects), or pass the project key to the call";

    private static final Logger LOG = Logger.getLogger(RestMetricsClient.class);
    private static final int MAX_PAGES = 10_000;
    private static final int MAX_BODY_EXCERPT = 200;

    private final Supplier<MetricsRestApi> api;
    private final Supplier<String> baseUriDescription;
    private final ApiCredentials credentials;
    private final String projectKey;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Instant deadline;
    private final Duration requestTimeout;
    private final RateLimitPause rateLimitPause;

    /**
     * @param api the REST client, resolved at each request (the transport builds it at the first)
     * @param baseUriDescription the base URI, for messages and {@link #toString()}
     * @param credentials the access token and where it came from
     * @param projectKey the configured project key, or {@code null}
     * @param retryPolicy when to retry and how long to wait
     * @param clock the time, for {@code X-Ratelimit-Reset} and the deadline
     * @param sleeper waits between attempts
     * @param random jitter, in {@code [0, 1)}
     * @param deadline the time after which no retry starts and no request is waited for, or {@code null}
     * @param requestTimeout the longest one request is waited for
     * @param rateLimitPause the hold after a 429 or a used-up window, shared with the copies made by withMaxRetries
     */
    RestMetricsClient(Supplier<MetricsRestApi> api, Supplier<String> baseUriDescription, ApiCredentials credentials,
            String projectKey, RetryPolicy retryPolicy, Clock clock, Sleeper sleeper, DoubleSupplier random,
            Instant deadline, Duration requestTimeout, RateLimitPause rateLimitPause) {
        this.api = Objects.requireNonNull(api, "api");
        this.baseUriDescription = Objects.requireNonNull(baseUriDescription, "baseUriDescription");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.projectKey = projectKey == null || projectKey.isBlank() ? null : projectKey;
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.deadline = deadline;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.rateLimitPause = Objects.requireNonNull(rateLimitPause, "rateLimitPause");
    }

    /** A client on the real clock, sleeping for real, with random jitter. */
    RestMetricsClient(Supplier<MetricsRestApi> api, Supplier<String> baseUriDescription, ApiCredentials credentials,
            String projectKey, RetryPolicy retryPolicy, Duration requestTimeout) {
        this(api, baseUriDescription, credentials, projectKey, retryPolicy, Clock.systemUTC(), Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble(), null, requestTimeout, new RateLimitPause());
    }

    // ---- configuration ----

    @Override
    public String projectKey() {
        if (projectKey == null) {
            throw new IllegalStateException(MISSING_PROJECT_KEY);
        }
        return projectKey;
    }

    @Override
    public boolean hasProjectKey() {
        return projectKey != null;
    }

    @Override
    public boolean hasToken() {
        return credentials.isPresent();
    }

    @Override
    public int maxRetries() {
        return retryPolicy.maxRetries();
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public LaunchDarklyMetricsClient withDeadline(Instant deadline) {
        // A run of its own (a registration run, say): a hold another run met long ago says nothing about its deadline.
        return new RestMetricsClient(api, baseUriDescription, credentials, projectKey, retryPolicy, clock, sleeper,
                random, deadline, requestTimeout, new RateLimitPause());
    }

    @Override
    public LaunchDarklyMetricsClient withToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("An API access token must not be blank");
        }
        return new RestMetricsClient(api, baseUriDescription, new ApiCredentials(token, "withToken(...)"),
                projectKey, retryPolicy, clock, sleeper, random, deadline, requestTimeout, new RateLimitPause());
    }

    @Override
    public LaunchDarklyMetricsClient withMaxRetries(int maxRetries) {
        return new RestMetricsClient(api, baseUriDescription, credentials, projectKey,
                new RetryPolicy(maxRetries, retryPolicy.initialBackoff(), retryPolicy.maxBackoff(),
                        retryPolicy.minRateLimitWait(), retryPolicy.maxWait()),
                clock, sleeper, random, deadline, requestTimeout, rateLimitPause);
    }

    // ---- operations ----

    @Override
    public MetricRep create(MetricPost metric) {
        return create(projectKey(), metric);
    }

    @Override
    public MetricRep create(String projectKey, MetricPost metric) {
        requireKey(projectKey, "projectKey");
        Objects.requireNonNull(metric, "metric");
        String token = credentials.require();
        String body = write(metric);
        return execute("POST", path(projectKey), api -> api.create(token, projectKey, body), MetricRep.class);
    }

    @Override
    public Optional<MetricRep> get(String metricKey) {
        return get(projectKey(), metricKey);
    }

    @Override
    public Optional<MetricRep> get(String projectKey, String metricKey) {
        requireKey(projectKey, "projectKey");
        requireKey(metricKey, "metricKey");
        String token = credentials.require();
        try {
            return Optional.of(execute("GET", path(projectKey, metricKey), api -> api.get(token, projectKey, metricKey),
                    MetricRep.class));
        } catch (MetricNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<MetricRep> list() {
        return list(projectKey(), null);
    }

    @Override
    public List<MetricRep> list(String filter) {
        return list(projectKey(), filter);
    }

    @Override
    public List<MetricRep> list(String projectKey, String filter) {
        requireKey(projectKey, "projectKey");
        String token = credentials.require();
        String usedFilter = filter == null || filter.isBlank() ? null : filter;
        List<MetricRep> metrics = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            int pageOffset = offset;
            MetricPage result = execute("GET", path(projectKey) + "?limit=" + PAGE_SIZE + "&offset=" + pageOffset,
                    api -> api.list(token, projectKey, PAGE_SIZE, pageOffset, usedFilter), MetricPage.class);
            metrics.addAll(result.items());
            offset += result.items().size();
            if (result.items().isEmpty()) {
                break;
            }
            boolean more = result.totalCount() != null ? offset < result.totalCount()
                    : result.items().size() >= PAGE_SIZE || result.hasNextLink();
            if (!more) {
                break;
            }
        }
        return metrics;
    }

    @Override
    public MetricRep update(String metricKey, List<PatchOperation> patch) {
        return update(projectKey(), metricKey, patch);
    }

    @Override
    public MetricRep update(String projectKey, String metricKey, List<PatchOperation> patch) {
        requireKey(projectKey, "projectKey");
        requireKey(metricKey, "metricKey");
        Objects.requireNonNull(patch, "patch");
        if (patch.isEmpty()) {
            throw new IllegalArgumentException("A metric update needs at least one patch operation");
        }
        String token = credentials.require();
        String body = write(List.copyOf(patch));
        return execute("PATCH", path(projectKey, metricKey), api -> api.update(token, projectKey, metricKey, body),
                MetricRep.class);
    }

    @Override
    public void delete(String metricKey) {
        delete(projectKey(), metricKey);
    }

    @Override
    public void delete(String projectKey, String metricKey) {
        requireKey(projectKey, "projectKey");
        requireKey(metricKey, "metricKey");
        String token = credentials.require();
        execute("DELETE", path(projectKey, metricKey), api -> api.delete(token, projectKey, metricKey), Void.class);
    }

    @Override
    public String toString() {
        return "LaunchDarklyMetricsClient[baseUri=" + baseUriDescription.get() + ", projectKey="
                + (projectKey == null ? "(none)" : projectKey) + ", token="
                + (credentials.isPresent() ? "from " + credentials.source() : "(none)") + ", maxRetries="
                + retryPolicy.maxRetries() + (deadline == null ? "" : ", deadline=" + deadline) + "]";
    }

    // ---- the request loop ----

    /** One failed attempt, turned into an exception once the client gives up. */
    private record Failure(int status, String code, String apiMessage, String requestId, Duration serverWait,
            String detail, Throwable cause) {
    }

    private <T> T execute(String method, String path, Function<MetricsRestApi, Uni<Response>> request, Class<T> type) {
        int retries = 0;
        while (true) {
            Failure failure;
            awaitRateLimit(method, path, retries);
            Duration answerWait = waitForAnswer();
            if (answerWait.isZero()) {
                throw exception(method, path, new Failure(0, null, null, null, null, "the deadline " + deadline
                        + " has passed", null), retries, null);
            }
            try (Response response = request.apply(api.get()).await().atMost(answerWait)) {
                int status = response.getStatus();
                String body = readBody(response);
                holdBackWhenTheWindowIsUsedUp(response);
                if (status >= 200 && status < 300) {
                    return read(method, path, status, body, type);
                }
                failure = failure(status, body, response);
            } catch (TimeoutException e) {
                // await() cancelled the request: a slow answer cannot hold the caller beyond its bound.
                failure = new Failure(0, null, null, null, null, "no answer within " + millis(answerWait)
                        + (answerWait.compareTo(requestTimeout) < 0 ? " (the rest of the time to the deadline " + deadline + ")"
                                : " (quarkus.launchdarkly.api.request-timeout)"),
                        null);
            } catch (ProcessingException e) {
                failure = new Failure(0, null, null, null, null, null, e);
            } catch (CompletionException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw exception(method, path, new Failure(0, null, null, null, null, "interrupted", null), retries,
                            null);
                }
                failure = new Failure(0, null, null, null, null, null, e.getCause() == null ? e : e.getCause());
            }

            if (!RetryPolicy.isRetryable(failure.status())) {
                throw exception(method, path, failure, retries, null);
            }
            Duration wait = retryPolicy.waitBefore(retries + 1, failure.status(), Optional.ofNullable(failure.serverWait()),
                    random.getAsDouble());
            if (failure.status() == 429) {
                // Before giving up too: the other requests of this token would be refused just the same.
                rateLimitPause.holdUntil(clock.instant().plus(wait));
            }
            if (retries >= retryPolicy.maxRetries()) {
                throw exception(method, path, failure, retries, null);
            }
            if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
                throw exception(method, path, failure, retries,
                        "the next retry, in " + millis(wait) + ", would start after the deadline " + deadline);
            }
            retries++;
            LOG.debugf("LaunchDarkly REST API %s %s: %s; retry %d of %d in %s", method, path, describe(failure), retries,
                    retryPolicy.maxRetries(), millis(wait));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw exception(method, path, failure, retries - 1, "interrupted while waiting to retry");
            }
        }
    }

    /**
     * Waits while another request's 429 holds this token back, so that a request does not go out only to be refused
     * (the retry of the refused request waits here too, for its own or a later reset).
     */
    private void awaitRateLimit(String method, String path, int retries) {
        Duration pause = rateLimitPause.remaining(clock.instant());
        if (pause.isZero()) {
            return;
        }
        if (deadline != null && clock.instant().plus(pause).isAfter(deadline)) {
            throw exception(method, path, new Failure(0, null, null, null, null, "not sent: LaunchDarkly rate-limited"
                    + " this access token for another " + millis(pause) + ", beyond the deadline " + deadline, null),
                    retries, null);
        }
        LOG.debugf("LaunchDarkly REST API %s %s waits %s for the rate limit another request met", method, path,
                millis(pause));
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw exception(method, path, new Failure(0, null, null, null, null, "interrupted while waiting for the"
                    + " rate limit to reset", null), retries, null);
        }
    }

    /**
     * An answer that says the rate-limit window has no request left ({@code X-Ratelimit-Route-Remaining} or
     * {@code -Global-Remaining} at 0) holds the next requests back until its {@code X-Ratelimit-Reset}: they would
     * only be refused. A reset already past (LaunchDarkly has sent those) holds nothing back; the wait is at most the
     * longest retry wait, in case the two clocks disagree.
     */
    private void holdBackWhenTheWindowIsUsedUp(Response response) {
        if (!"0".equals(trimmed(response.getHeaderString("X-Ratelimit-Route-Remaining")))
                && !"0".equals(trimmed(response.getHeaderString("X-Ratelimit-Global-Remaining")))) {
            return;
        }
        Instant now = clock.instant();
        RetryPolicy.serverWait(null, response.getHeaderString("X-Ratelimit-Reset"), now)
                .filter(wait -> !wait.isZero())
                .ifPresent(wait -> rateLimitPause.holdUntil(now.plus(
                        wait.compareTo(retryPolicy.maxWait()) > 0 ? retryPolicy.maxWait() : wait)));
    }

    private static String trimmed(String header) {
        return header == null ? null : header.trim();
    }

    /** How long to wait for the next answer: the request timeout, cut at the deadline; zero once it has passed. */
    private Duration waitForAnswer() {
        if (deadline == null) {
            return requestTimeout;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        return left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
    }

    private static String readBody(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        String body = response.readEntity(String.class);
        return body == null ? "" : body;
    }

    private <T> T read(String method, String path, int status, String body, Class<T> type) {
        if (type == Void.class) {
            return null;
        }
        try {
            T value = MetricsJson.MAPPER.readValue(body, type);
            if (value == null) {
                throw new LaunchDarklyApiException(status, null, null, null, "LaunchDarkly REST API " + method + " " + path
                        + " answered " + status + " without a body", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new LaunchDarklyApiException(status, null, null, null, "LaunchDarkly REST API " + method + " " + path
                    + " answered " + status + " with a body that is not a " + type.getSimpleName() + ": "
                    + credentials.redact(e.getOriginalMessage()), null);
        }
    }

    private Failure failure(int status, String body, Response response) {
        String code = null;
        String message = null;
        String id = null;
        String detail = null;
        if (!body.isBlank()) {
            try {
                MetricsJson.ErrorBody error = MetricsJson.MAPPER.readValue(body, MetricsJson.ErrorBody.class);
                if (error != null) {
                    code = error.code();
                    message = credentials.redact(error.message());
                    id = error.id();
                }
            } catch (JsonProcessingException e) {
                String excerpt = body.strip().replaceAll("\\s+", " ");
                detail = credentials.redact(excerpt.length() > MAX_BODY_EXCERPT
                        ? excerpt.substring(0, MAX_BODY_EXCERPT) + "..."
                        : excerpt);
            }
        }
        Duration serverWait = null;
        if (status == 429) {
            serverWait = RetryPolicy.serverWait(response.getHeaderString("Retry-After"),
                    response.getHeaderString("X-Ratelimit-Reset"), clock.instant()).orElse(null);
        }
        return new Failure(status, code, message, id, serverWait, detail, null);
    }

    private LaunchDarklyApiException exception(String method, String path, Failure failure, int retries,
            String givingUp) {
        int status = failure.status();
        StringBuilder message = new StringBuilder("LaunchDarkly REST API ").append(method).append(' ').append(path)
                .append(' ').append(describe(failure));
        if (failure.requestId() != null) {
            message.append(" (request id ").append(failure.requestId()).append(')');
        }
        if (retries > 0) {
            message.append("; gave up after ").append(retries).append(retries == 1 ? " retry" : " retries");
        }
        if (givingUp != null) {
            message.append(retries > 0 ? ", " : "; gave up: ").append(givingUp);
        }
        boolean write = !method.equals("GET");
        switch (status) {
            case 401 -> message.append(". The access token (from ").append(credentials.source())
                    .append(") is not accepted: use a valid personal or service access token (an SDK key does not work"
                            + " for the REST API)");
            case 403 -> {
                if (write) {
                    message.append(". Creating, updating or deleting metrics needs an access token with the writer role"
                            + " (or a custom role that allows it); the token from ").append(credentials.source())
                            .append(" does not have it");
                } else {
                    message.append(". The access token (from ").append(credentials.source())
                            .append(") may not read the metrics of this project");
                }
            }
            default -> {
                // no hint
            }
        }
        String text = credentials.redact(message.toString());
        return switch (status) {
            case 0 -> new LaunchDarklyApiException(0, null, null, null, text, failure.cause());
            case 400 -> new InvalidRequestException(status, failure.code(), failure.apiMessage(), failure.requestId(), text);
            case 401 -> new UnauthorizedException(status, failure.code(), failure.apiMessage(), failure.requestId(), text);
            case 403 -> new ForbiddenException(status, failure.code(), failure.apiMessage(), failure.requestId(), text);
            case 404 -> new MetricNotFoundException(status, failure.code(), failure.apiMessage(), failure.requestId(),
                    text);
            case 409 -> new ConflictException(status, failure.code(), failure.apiMessage(), failure.requestId(), text);
            case 429 -> new RateLimitedException(status, failure.code(), failure.apiMessage(), failure.requestId(), text,
                    failure.serverWait());
            default -> status >= 500 && status <= 599
                    ? new ServerErrorException(status, failure.code(), failure.apiMessage(), failure.requestId(), text)
                    : new LaunchDarklyApiException(status, failure.code(), failure.apiMessage(), failure.requestId(), text,
                            null);
        };
    }

    private String describe(Failure failure) {
        if (failure.status() == 0) {
            Throwable cause = failure.cause();
            Throwable root = cause;
            while (root != null && root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return credentials.redact("got no answer from " + baseUriDescription.get() + ": "
                    + (root != null ? root.toString() : failure.detail() != null ? failure.detail() : "I/O failure"));
        }
        StringBuilder text = new StringBuilder("answered ").append(failure.status());
        if (failure.code() != null) {
            text.append(' ').append(failure.code());
        }
        if (failure.apiMessage() != null) {
            text.append(": ").append(failure.apiMessage());
        } else if (failure.detail() != null) {
            text.append(": ").append(failure.detail());
        }
        return text.toString();
    }

    // ---- plumbing ----

    private String write(Object body) {
        try {
            return MetricsJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireKey(String key, String name) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static String path(String projectKey) {
        return PATH_PREFIX + projectKey;
    }

    private static String path(String projectKey, String metricKey) {
        return PATH_PREFIX + projectKey + "/" + metricKey;
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
