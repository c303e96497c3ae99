package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered 403 ({@code forbidden}): the access token's role does not allow the request. Creating, updating and
 * deleting metrics needs the {@code writer} role (or a custom role that allows it). Never retried.
 */
public class ForbiddenException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
