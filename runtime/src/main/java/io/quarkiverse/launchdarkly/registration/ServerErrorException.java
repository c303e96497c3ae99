package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered with a 5xx status, still after the retries the client makes.
 */
public class ServerErrorException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
