package io.quarkiverse.launchdarkly.runtime.ai;

import java.util.function.Supplier;

/**
 * The parts all three kinds of AI Config share, in one value so that their constructors stay short.
 *
 * @param key the AI Config key
 * @param enabled whether the flag's {@code _ldMeta.enabled} is literally {@code true}
 * @param model the model, {@code null} when none
 * @param provider the provider, {@code null} when none
 * @param mode the mode the config was asked in
 * @param trackData the tracker fields (without a run id) read from the flag
 * @param trackers makes a tracker for a new run
 */
record ConfigCommon(String key, boolean enabled, AiModel model, AiProvider provider, AiConfigMode mode,
        TrackData trackData, Supplier<AiConfigTracker> trackers) {
}
