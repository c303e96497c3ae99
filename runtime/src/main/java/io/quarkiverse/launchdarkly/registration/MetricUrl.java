package io.quarkiverse.launchdarkly.registration;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A target URL of a {@code pageview} or {@code click} metric: LaunchDarkly's {@code UrlPost} / {@code UrlMatcher}.
 * Which field is set depends on the kind: {@code url} for {@code exact} and {@code canonical}, {@code substring} for
 * {@code substring}, {@code pattern} for {@code regex}.
 *
 * @param kind {@code exact}, {@code canonical}, {@code substring} or {@code regex}
 * @param url the URL of an {@code exact} or {@code canonical} match
 * @param substring the text a {@code substring} match looks for
 * @param pattern the regular expression of a {@code regex} match
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricUrl(
        @JsonProperty("kind") String kind,
        @JsonProperty("url") String url,
        @JsonProperty("substring") String substring,
        @JsonProperty("pattern") String pattern) {

    public static final String EXACT = "exact";
    public static final String CANONICAL = "canonical";
    public static final String SUBSTRING = "substring";
    public static final String REGEX = "regex";

    /** Matches this URL exactly. */
    public static MetricUrl exact(String url) {
        return new MetricUrl(EXACT, Objects.requireNonNull(url, "url"), null, null);
    }

    /** Matches this URL ignoring its query string and fragment. */
    public static MetricUrl canonical(String url) {
        return new MetricUrl(CANONICAL, Objects.requireNonNull(url, "url"), null, null);
    }

    /** Matches URLs that contain this text. */
    public static MetricUrl substring(String substring) {
        return new MetricUrl(SUBSTRING, null, Objects.requireNonNull(substring, "substring"), null);
    }

    /** Matches URLs that match this regular expression. */
    public static MetricUrl regex(String pattern) {
        return new MetricUrl(REGEX, null, null, Objects.requireNonNull(pattern, "pattern"));
    }

    /**
     * The URL of this matcher whatever its kind: {@code url}, {@code substring} or {@code pattern}, whichever is set.
     */
    public String value() {
        return url != null ? url : substring != null ? substring : pattern;
    }
}
