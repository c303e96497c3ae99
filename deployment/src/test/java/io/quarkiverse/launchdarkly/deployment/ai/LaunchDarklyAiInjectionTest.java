package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiMessage;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/** In an application (test mode, local stand-in), {@code @Inject LaunchDarklyAi} gives a working AI Config client. */
class LaunchDarklyAiInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    LaunchDarklyAi ai;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void theInjectedClientEvaluatesAnAiConfigAndItsTrackerReachesTheStandIn() throws InterruptedException {
        try {
            local.useFlagData("""
                    flagValues:
                      support-chat:
                        _ldMeta: { enabled: true, variationKey: "v2", version: 5 }
                        model: { name: "gpt-4o" }
                        provider: { name: "openai" }
                        messages:
                          - { role: system, content: "You help {{ldctx.name}}" }
                    """);
            LDContext user = LDContext.builder("user-1").name("Ann").build();
            AiCompletionConfig config = ai.completionConfig("support-chat", user);
            long deadline = System.currentTimeMillis() + 5000;
            while (!config.enabled() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                config = ai.completionConfig("support-chat", user);
            }

            assertThat(config.enabled()).isTrue();
            assertThat(config.messages()).containsExactly(AiMessage.system("You help Ann"));
            AiConfigTracker tracker = config.createTracker();
            tracker.trackSuccess();

            RecordedEvent success = local.events().awaitCustomEvents("$ld:ai:generation:success", 1,
                    Duration.ofSeconds(10)).get(0);
            assertThat(success.contextKey()).isEqualTo("user-1");
            assertThat(success.data()).isEqualTo(LDValue.buildObject()
                    .put("runId", tracker.runId())
                    .put("configKey", "support-chat")
                    .put("variationKey", "v2")
                    .put("version", 5)
                    .put("modelName", "gpt-4o")
                    .put("providerName", "openai")
                    .put("modelVersion", 1)
                    .build());
            assertThat(local.events().awaitCustomEvent("$ld:ai:sdk:info").data().get("aiSdkName").stringValue())
                    .isEqualTo("quarkus-launchdarkly");
        } finally {
            local.reset();
        }
    }
}
