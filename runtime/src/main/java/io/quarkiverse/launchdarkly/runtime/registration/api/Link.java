package io.quarkiverse.launchdarkly.runtime.registration.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A link of a LaunchDarkly representation ({@code _links}): LaunchDarkly's {@code Link}.
 *
 * @param href the path (relative to the API's base URL) or URL
 * @param type the content type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Link(
        @JsonProperty("href") String href,
        @JsonProperty("type") String type) {
}
