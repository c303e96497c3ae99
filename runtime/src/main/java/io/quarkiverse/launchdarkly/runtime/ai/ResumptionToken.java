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
        if (token == null) {
            throw new IllegalArgumentException("Not an AI Config resumption token: null");
        }
        LDValue payload;
        try {
            payload = LDValue.parse(new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an AI Config resumption token: " + e.getMessage(), e);
        }
        if (!payload.get("runId").isString() || !payload.get("configKey").isString()) {
            throw new IllegalArgumentException("Not an AI Config resumption token: runId and configKey are required");
        }
        LDValue version = payload.get("version");
        return new TrackData(payload.get("runId").stringValue(), payload.get("configKey").stringValue(),
                payload.get("variationKey").stringValue(), version.isNumber() ? version.intValue() : 1, "", "", 1, null,
                payload.get("graphKey").stringValue());
    }
}
