package io.quarkiverse.launchdarkly.runtime.registration.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the metrics REST API, independent of the application's {@code ObjectMapper} (whose naming
 * strategy or inclusion rules must not change what goes over the wire).
 */
final class MetricsJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private MetricsJson() {
    }

    /** LaunchDarkly's error body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(@JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("id") String id) {
    }
}
