package io.quarkiverse.launchdarkly.runtime.ai;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.launchdarkly.sdk.LDValue;

/**
 * The resumption token: base64url without padding of the compact JSON
 * {@code {"runId","configKey","variationKey","version"}} plus {@code "graphKey"} when set, in exactly that order, so
 * that tokens are byte for byte those of the official SDKs. The JSON is written by hand because the order of keys in
 * an {@link LDValue} object is not guaranteed.
 */
final class ResumptionToken {

    private ResumptionToken() {
    }

    static String encode(TrackData data) {
        StringBuilder json = new StringBuilder("{\"runId\":");
        appendString(json, data.runId());
        json.append(",\"configKey\":");
        appendString(json, data.configKey());
        json.append(",\"variationKey\":");
        appendString(json, data.variationKey());
        json.append(",\"version\":").append(data.version());
        if (data.graphKey() != null) {
            json.append(",\"graphKey\":");
            appendString(json, data.graphKey());
        }
        json.append('}');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The graph resumption token: the compact JSON {@code {"runId","graphKey","variationKey","version"}} in that order,
     * {@code variationKey} left out when the flag has none.
     */
    static String encodeGraph(GraphTracker.Identity identity) {
        StringBuilder json = new StringBuilder("{\"runId\":");
        appendString(json, identity.runId());
        json.append(",\"graphKey\":");
        appendString(json, identity.graphKey());
        if (identity.variationKey() != null) {
            json.append(",\"variationKey\":");
            appendString(json, identity.variationKey());
        }
        json.append(",\"version\":").append(identity.version()).append('}');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The graph run a token names. A token with a {@code configKey} is a config or node tracker's, not a graph's.
     *
     * @throws IllegalArgumentException when the token is not one
     */
    static GraphTracker.Identity decodeGraph(String token) {
        LDValue payload = payload(token, "agent graph");
        if (!payload.get("runId").isString() || !payload.get("graphKey").isString()) {
            throw new IllegalArgumentException("Not an agent graph resumption token: runId and graphKey are required");
        }
        if (!payload.get("configKey").isNull()) {
            throw new IllegalArgumentException("Not an agent graph resumption token: it names the AI Config "
                    + payload.get("configKey").toJsonString() + " (a node's or config's token)");
        }
        LDValue version = payload.get("version");
        return new GraphTracker.Identity(payload.get("runId").stringValue(), payload.get("graphKey").stringValue(),
                payload.get("variationKey").stringValue(), version.isNumber() ? version.intValue() : 1);
    }

    private static LDValue payload(String token, String what) {
        if (token == null) {
            throw new IllegalArgumentException("Not an " + what + " resumption token: null");
        }
        try {
            return LDValue.parse(new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an " + what + " resumption token: " + e.getMessage(), e);
        }
    }

    /**
     * A JSON string as JavaScript's {@code JSON.stringify} writes it, which the official SDKs' tokens are made with:
     * only the quote, the backslash and control characters are escaped (backspace, form feed, new line, carriage return
     * and tab in their short form, the others as a lower-case hexadecimal {@code u00xx} escape), and so are lone
     * surrogates. {@link LDValue#toJsonString()} would also
     * escape {@code < > & = '} (Gson's HTML-safe default), giving another token for the same run.
     */
    static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * The run a token names. Model and provider names are not in the token, so they are {@code ""} and the model
     * version 1, as in the JavaScript SDK; a missing variation key is {@code ""} and a missing version 1.
     *
     * @throws IllegalArgumentException when the token is not one
     */
    static TrackData decode(String token) {
        LDValue payload = payload(token, "AI Config");
        if (!payload.get("runId").isString() || !payload.get("configKey").isString()) {
            throw new IllegalArgumentException("Not an AI Config resumption token: runId and configKey are required");
        }
        LDValue version = payload.get("version");
        return new TrackData(payload.get("runId").stringValue(), payload.get("configKey").stringValue(),
                payload.get("variationKey").stringValue(), version.isNumber() ? version.intValue() : 1, "", "", 1, null,
                payload.get("graphKey").stringValue());
    }
}
