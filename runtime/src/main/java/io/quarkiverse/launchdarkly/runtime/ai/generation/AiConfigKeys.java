package io.quarkiverse.launchdarkly.runtime.ai.generation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.runtime.ai.ConfigProblems;
import io.quarkiverse.launchdarkly.runtime.client.ClientMode;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkus.runtime.StartupEvent;

/**
 * At startup, tells {@link ConfigProblems} which methods ask for which AI Config, so that a problem with a key names
 * them; and against a local stand-in, whose flags all come from one file, warns once about every key of an
 * {@code @AiGeneration} method that the file lacks, before any call answers with its default.
 */
@Singleton
public class AiConfigKeys {

    private static final Logger LOG = Logger.getLogger(AiConfigKeys.class);

    void onStart(@Observes StartupEvent event, ConfigProblems problems, LDClientInterface client,
            ClientSettings settings) {
        List<GenerationPlan> plans = GenerationPlans.all();
        plans.forEach(plan -> problems.askedBy(plan.configKey(), plan.method()));
        if (settings.mode() != ClientMode.LOCAL || !client.isInitialized()) {
            return;
        }
        Set<String> missing = new TreeSet<>();
        for (GenerationPlan plan : plans) {
            if (!client.isFlagKnown(plan.configKey())) {
                missing.add("'" + plan.configKey() + "' (" + plan.method() + ")");
            }
        }
        if (!missing.isEmpty()) {
            LOG.warnf("The local LaunchDarkly flags have no AI Config for %s, so these @AiGeneration methods answer with"
                    + " their default config or fallback; add the keys to the flags file", String.join(", ", missing));
        }
    }
}
