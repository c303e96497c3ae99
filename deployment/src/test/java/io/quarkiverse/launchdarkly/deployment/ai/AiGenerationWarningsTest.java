package io.quarkiverse.launchdarkly.deployment.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigTracker;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Warnings of the AI path are logged once, not once per call: a method that records its outcome itself, an AI Config
 * key the flags do not have, a flag of another mode. The key problems name the methods that ask for the key.
 */
class AiGenerationWarningsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(Assistant.class, AiGenerationTestModel.class)
            .addAsResource(new StringAsset(AiGenerationTestModel.FLAGS), "launchdarkly/flags.yaml"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getLoggerName().startsWith("io.quarkiverse.launchdarkly"))
            .assertLogRecords(AiGenerationWarningsTest::warnings);

    static void warnings(List<LogRecord> records) {
        List<String> messages = records.stream().map(LogRecordText::of).toList();
        assertThat(messages).filteredOn(m -> m.contains("Skipping trackSuccess")).singleElement().asString()
                .contains("(logged at most once a minute)");
        assertThat(messages).filteredOn(m -> m.contains("'support-chta'") && m.contains("not a flag")).singleElement()
                .asString().contains(Assistant.class.getName() + "#misspelled(String)");
        assertThat(messages).filteredOn(m -> m.contains("mode mismatch for triage-agent")).singleElement().asString()
                .contains(Assistant.class.getName() + "#wrongMode(String)");
        // At startup, against the stand-in: the keys its flags file lacks, before any call.
        assertThat(messages).filteredOn(m -> m.contains("The local LaunchDarkly flags have no AI Config for"))
                .singleElement().asString().contains("'support-chta' (" + Assistant.class.getName() + "#misspelled(String))")
                .doesNotContain("'support-chat'");
    }

    @Inject
    Assistant assistant;

    @Test
    void eachWarningIsLoggedOnceForThreeCalls() {
        for (int i = 0; i < 3; i++) {
            assertThat(assistant.recordsItsOwnOutcome("user-" + i, null, null)).isEqualTo("ok");
            assertThat(assistant.misspelled("user-" + i)).isEqualTo("fallback");
            assertThat(assistant.wrongMode("user-" + i)).isEqualTo("fallback");
        }
    }

    @ApplicationScoped
    public static class Assistant {

        @AiGeneration(config = "support-chat")
        public String recordsItsOwnOutcome(@LaunchDarklyContext String user, AiCompletionConfig config,
                AiConfigTracker tracker) {
            tracker.trackSuccess(); // then the interceptor's own trackSuccess is skipped, with a warning
            return "ok";
        }

        @AiGeneration(config = "support-chta", fallback = "fallback")
        public String misspelled(@LaunchDarklyContext String user) {
            return "model";
        }

        @AiGeneration(config = "triage-agent", fallback = "fallback")
        public String wrongMode(@LaunchDarklyContext String user) {
            return "model";
        }

        String fallback(String user) {
            return "fallback";
        }
    }
}
