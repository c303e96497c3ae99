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
        StringBuilder json = new StringBuilder("{")
                .append("\"runId\":").append(LDValue.of(data.runId()).toJsonString())
                .append(",\"configKey\":").append(LDValue.of(data.configKey()).toJsonString())
                .append(",\"variationKey\":").append(LDValue.of(data.variationKey()).toJsonString())
                .append(",\"version\":").append(data.version());
        if (data.graphKey() != null) {
            json.append(",\"graphKey\":").append(LDValue.of(data.graphKey()).toJsonString());
        }
        json.append('}');
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The run a token names. Model and provider names are not in the token, so they are {@code ""} and the model
     * version 1, as in the JavaScript SDK; a missing variation key is {@code ""} and a missing version 1.
     *
     * @throws IllegalArgumentException when the token is not one
     */
    static TrackData decode(String token) {
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
