package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered 401 ({@code unauthorized}): the access token is unknown, expired or revoked (or is an SDK key, which
 * the REST API does not accept). Never retried.
 */
public class UnauthorizedException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
