package io.quarkiverse.launchdarkly.registration;

/**
 * LaunchDarkly answered 404 ({@code not_found}): no such metric, or no such project. Never retried.
 */
public class MetricNotFoundException extends LaunchDarklyApiException {

    private static final long serialVersionUID = 1L;

    public MetricNotFoundException(int status, String code, String apiMessage, String requestId, String message) {
        super(status, code, apiMessage, requestId, message, null);
    }
}
