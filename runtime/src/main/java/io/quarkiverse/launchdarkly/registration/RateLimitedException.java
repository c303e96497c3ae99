package io.quarkiverse.launchdarkly.registration;

import java.time.Duration;
import java.util.Optional;

/**
 * LaunchDarkly answered 429 ({@code rate_limited}), still after the retries the client makes.
 */
public class RateLimitedException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param retryAfter the wait LaunchDarkly asked for ({@code Retry-After}, else until {@code X-Ratelimit-Reset}),
     *        or {@code null} when it named none
     */
    public RateLimitedException(int status, String code, String apiMessage, String requestId, String message,
            Duration retryAfter) {
        super(status, code, apiMessage, requestId, message, null);
        this.retryAfter = retryAfter;
    }

    /**
     * The wait LaunchDarkly asked for: its {@code Retry-After} header, else the time until its
     * {@code X-Ratelimit-Reset} header (zero when that time had passed); empty when it sent neither.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
