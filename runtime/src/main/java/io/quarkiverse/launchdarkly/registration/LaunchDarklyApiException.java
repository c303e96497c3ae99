package io.quarkiverse.launchdarkly.registration;

import java.util.Locale;

/**
 * A failed call of LaunchDarkly's REST API: an error answer, or no answer at all (an I/O failure, {@link #status()}
 * {@code 0}). Each error kind has its subclass: {@link InvalidRequestException} (400), {@link UnauthorizedException}
 * (401), {@link ForbiddenException} (403), {@link MetricNotFoundException} (404), {@link ConflictException} (409),
 * {@link RateLimitedException} (429), {@link ServerErrorException} (5xx). Other statuses are thrown as this class.
 * <p>
 * Messages name the request ({@code POST /api/v2/metrics/default}), the status, LaunchDarkly's error code and message,
 * and the request id LaunchDarkly support asks for. The access token is never part of a message.
 */
public class LaunchDarklyApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String apiMessage;
    private final String requestId;

    /**
     * @param status the HTTP status, {@code 0} when there was no answer
     * @param code LaunchDarkly's error code ({@code invalid_request}, ...), or {@code null}
     * @param apiMessage LaunchDarkly's error message, or {@code null}
     * @param requestId the {@code id} of LaunchDarkly's error body, or {@code null}
     * @param message the message of this exception
     * @param cause the I/O failure, or {@code null}
     */
    public LaunchDarklyApiException(int status, String code, String apiMessage, String requestId, String message,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
    }

    /** The HTTP status of the answer; {@code 0} when the request got no answer (connection refused, reset, timeout). */
    public int status() {
        return status;
    }

    /** LaunchDarkly's error code, for example {@code invalid_request}; {@code null} when the answer had none. */
    public String code() {
        return code;
    }

    /** LaunchDarkly's error message; {@code null} when the answer had none. */
    public String message() {
        return apiMessage;
    }

    /** The {@code id} of LaunchDarkly's error body, to quote to LaunchDarkly support; {@code null} when absent. */
    public String requestId() {
        return requestId;
    }

    /** Whether the request got no answer at all. */
    public boolean isIoFailure() {
        return status == 0;
    }

    /**
     * Whether LaunchDarkly refused a create because the key is taken: a 409, or a 400 whose message says "already
     * exists" (LaunchDarkly answers a duplicate key either way).
     */
    public boolean isAlreadyExists() {
        return status == 409 || (status == 400 && apiMessage != null
                && apiMessage.toLowerCase(Locale.ROOT).contains("already exists"));
    }
}
