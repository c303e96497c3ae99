package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.inject.Singleton;

import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.runtime.local.LocalLaunchDarkly;
import io.quarkus.arc.Unremovable;

/**
 * What the benchmark takes from the container. Looked up programmatically, hence {@link Unremovable}; its injection
 * points keep the beans it holds.
 */
@Singleton
@Unremovable
public class Fixture {

    final AnnotatedShop annotated;
    final HandWrittenShop handWritten;
    final AnnotatedAssistant annotatedAssistant;
    final HandWrittenAssistant handWrittenAssistant;
    final LocalLaunchDarkly launchDarkly;
    final ClientSettings settings;

    Fixture(AnnotatedShop annotated, HandWrittenShop handWritten, AnnotatedAssistant annotatedAssistant,
            HandWrittenAssistant handWrittenAssistant, LocalLaunchDarkly launchDarkly, ClientSettings settings) {
        this.annotated = annotated;
        this.handWritten = handWritten;
        this.annotatedAssistant = annotatedAssistant;
        this.handWrittenAssistant = handWrittenAssistant;
        this.launchDarkly = launchDarkly;
        this.settings = settings;
    }
}
