package io.quarkiverse.launchdarkly.it.docs.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SupportAssistantTest {

    @Inject
    LocalLaunchDarkly launchDarkly;

    @Inject
    SupportAssistant assistant; // its ModelClient answers without a network here

    @BeforeEach
    void reset() {
        launchDarkly.reset();
    }

    @Test
    void aSuccessfulAnswerIsReported() throws IOException {
        launchDarkly.useFlagData("""
                {"flagValues": {
                  "support-assistant": {
                    "_ldMeta": {"enabled": true, "variationKey": "v1", "version": 3, "mode": "completion"},
                    "model": {"name": "gpt-4o", "parameters": {"temperature": 0.2}},
                    "provider": {"name": "openai"},
                    "messages": [{"role": "system", "content": "You help {{ldctx.name}}."},
                                 {"role": "user", "content": "{{question}}"}]
                  }
                }}
                """);

        String answer = assistant.answer(LDContext.builder("user-123").name("Ann").build(), "How do I reset my password?");

        assertThat(answer).isEqualTo("Answer to: How do I reset my password?");
        RecordedEvent success = launchDarkly.events().awaitCustomEvent("$ld:ai:generation:success");
        assertThat(success.contextKey()).isEqualTo("user-123");
        assertThat(success.data().get("configKey").stringValue()).isEqualTo("support-assistant");
        assertThat(success.data().get("variationKey").stringValue()).isEqualTo("v1");
        assertThat(success.data().get("modelName").stringValue()).isEqualTo("gpt-4o");
        assertThat(success.metricValue()).isEqualTo(1.0);

        RecordedEvent duration = launchDarkly.events().awaitCustomEvent("$ld:ai:duration:total");
        assertThat(duration.data().get("runId")).isEqualTo(success.data().get("runId"));
        launchDarkly.events().assertNoCustomEvent("$ld:ai:generation:error", Duration.ofMillis(200));
    }
}
