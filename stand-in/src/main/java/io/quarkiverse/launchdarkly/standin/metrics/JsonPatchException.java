package io.quarkiverse.launchdarkly.standin.metrics;

/**
 * A JSON Patch that is malformed or cannot be applied to the document (missing target, failed {@code test}). The
 * message names the operation and the path, so that it can be sent back to an API client as is.
 */
public final class JsonPatchException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonPatchException(String message) {
        super(message, null, false, false);
    }
}
