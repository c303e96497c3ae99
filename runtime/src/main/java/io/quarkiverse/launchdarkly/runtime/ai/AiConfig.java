package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.Optional;

/**
 * What every AI Config has: whether it is enabled, the model and provider, the {@code _ldMeta} fields its trackers
 * report, and a way to start tracking a run. Immutable; the tracker it creates is bound to the client and the
 * evaluation context the config was evaluated for.
 * <p>
 * Check {@link #enabled()} before calling the model. A disabled config still creates trackers, so a caller may record
 * what it did with its own fallback.
 */
public abstract sealed class AiConfig permits AiCompletionConfig, AiAgentConfig, AiJudgeConfig {

    private final ConfigCommon common;

    AiConfig(ConfigCommon common) {
        this.common = common;
    }

    /** The AI Config key. */
    public String key() {
        return common.key();
    }

    /** Whether the flag (or the default) enables it: {@code _ldMeta.enabled} literally {@code true}. */
    public boolean enabled() {
        return common.enabled();
    }

    public Optional<AiModel> model() {
        return Optional.ofNullable(common.model());
    }

    public Optional<AiProvider> provider() {
        return Optional.ofNullable(common.provider());
    }

    /** The mode this config was asked in (which is the flag's, unless the config is disabled by a mode mismatch). */
    public AiConfigMode mode() {
        return common.mode();
    }

    /** {@code _ldMeta.variationKey}, {@code ""} when absent. */
    public String variationKey() {
        return common.trackData().variationKey();
    }

    /** {@code _ldMeta.version}, 1 when absent. */
    public int version() {
        return common.trackData().version();
    }

    /** {@code _ldMeta.modelKey}, only copied onto tracker events. */
    public Optional<String> modelKey() {
        return Optional.ofNullable(common.trackData().modelKey());
    }

    /** {@code _ldMeta.modelVersion}, 1 when absent; only copied onto tracker events. */
    public int modelVersion() {
        return common.trackData().modelVersion();
    }

    /**
     * A new tracker, with a new run id, for one AI run with this config. Call it once per run: a tracker sends each of
     * its guarded metrics at most once.
     */
    public AiConfigTracker createTracker() {
        return common.trackers().get();
    }

    ConfigCommon common() {
        return common;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[key=" + key() + ", enabled=" + enabled() + ", variationKey="
                + variationKey() + ", version=" + version() + ", model=" + common.model() + ", provider="
                + common.provider() + "]";
    }
}
