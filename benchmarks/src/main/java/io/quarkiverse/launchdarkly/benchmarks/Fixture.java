package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.inject.Singleton;

import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.arc.Arc;
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
    final MicrometerShop micrometer;

    Fixture(AnnotatedShop annotated, HandWrittenShop handWritten, AnnotatedAssistant annotatedAssistant,
            HandWrittenAssistant handWrittenAssistant, LocalLaunchDarkly launchDarkly, ClientSettings settings,
            MicrometerShop micrometer) {
        this.micrometer = micrometer;
        this.annotated = annotated;
        this.handWritten = handWritten;
        this.annotatedAssistant = annotatedAssistant;
        this.handWrittenAssistant = handWrittenAssistant;
        this.launchDarkly = launchDarkly;
        this.settings = settings;
    }

    /**
     * The fixture of the started application, once it is certain that the SDK sends its events to the stand-in: an
     * offline client would send nothing and make every comparison meaningless.
     */
    static Fixture onStandIn() {
        Fixture fixture = Arc.container().instance(Fixture.class).get();
        if (fixture.settings.mode() != ClientMode.LOCAL) {
            throw new IllegalStateException(
                    "the LaunchDarkly client must use the local stand-in, not " + fixture.settings.mode());
        }
        return fixture;
    }
}
