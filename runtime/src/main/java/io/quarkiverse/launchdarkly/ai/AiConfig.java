package io.quarkiverse.launchdarkly.ai;

import java.util.Optional;

/**
 * What every AI Config has: whether it is enabled, the model and provider, the {@code _ldMeta} fields its trackers
 * report, and a way to start tracking a run. Immutable; the tracker it creates is bound to the client and the
 * evaluation context the config was evaluated for.
 * <p>
 * Check {@link #enabled()} before calling the model. A disabled config still creates trackers, so a caller may record
 * what it did with its own fallback.
 */
public interface AiConfig {

    /** The AI Config key. */
    String key();

    /** Whether the flag (or the default) enables it: {@code _ldMeta.enabled} literally {@code true}. */
    boolean enabled();

    /** The model the variation names, empty when it names none or the config is disabled by a mode mismatch. */
    Optional<AiModel> model();

    /** The model provider the variation names, empty when it names none. */
    Optional<AiProvider> provider();

    /** The mode this config was asked in (which is the flag's, unless the config is disabled by a mode mismatch). */
    AiConfigMode mode();

    /** {@code _ldMeta.variationKey}, {@code ""} when absent. */
    String variationKey();

    /** {@code _ldMeta.version}, 1 when absent. */
    int version();

    /** {@code _ldMeta.modelKey}, only copied onto tracker events. */
    Optional<String> modelKey();

    /** {@code _ldMeta.modelVersion}, 1 when absent; only copied onto tracker events. */
    int modelVersion();

    /**
     * A new tracker, with a new run id, for one AI run with this config. Call it once per run: a tracker sends each of
     * its guarded metrics at most once.
     */
    AiConfigTracker createTracker();
}
