package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered 400 ({@code invalid_request}): the body or a parameter is invalid. A duplicate metric key can also come
 * back this way; see {@link #isAlreadyExists()}. Never retried.
 */
public class InvalidRequestException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
