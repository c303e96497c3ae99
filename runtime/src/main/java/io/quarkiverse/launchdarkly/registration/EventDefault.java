package io.quarkiverse.launchdarkly.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a metric counts for a unit (for example a user) that sent no event: LaunchDarkly's {@code MetricEventDefaultRep}.
 *
 * @param disabled whether missing units are left out of the analysis instead of being counted with {@code value}
 * @param value the value counted for a missing unit (LaunchDarkly currently only supports {@code 0})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventDefault(
        @JsonProperty("disabled") Boolean disabled,
        @JsonProperty("value") Double value) {

    /** Missing units are left out of the analysis. */
    public static EventDefault ofDisabled() {
        return new EventDefault(true, null);
    }

    /** Missing units are counted with this value. */
    public static EventDefault ofValue(double value) {
        return new EventDefault(false, value);
    }
}
