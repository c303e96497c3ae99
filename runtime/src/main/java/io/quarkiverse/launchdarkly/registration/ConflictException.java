package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered 409 ({@code optimistic_locking_error}): the metric key is taken, or the metric changed concurrently;
 * read it again. Never retried.
 */
public class ConflictException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public ConflictException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
