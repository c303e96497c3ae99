package io.quarkiverse.launchdarkly.deployment.ai;

import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.events;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiModel;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.ModelReply;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AiGeneration} methods declared in an abstract base class that is not a bean, run by two bean classes
 * extending it: each bean's calls get the fallback and the default config, on its own instance.
 */
class AiGenerationInheritanceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(BaseAssistant.class, BillingAssistant.class, SalesAssistant.class, AiGenerationTestModel.class)
            .addAsResource(new StringAsset(AiGenerationTestModel.FLAGS), "launchdarkly/flags.yaml"));

    @Inject
    BillingAssistant billing;

    @Inject
    SalesAssistant sales;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        events(client, local);
        local.reset();
    }

    @Test
    void aDisabledConfigIsAnsweredByTheFallbackOfTheBeanThatWasCalled() {
        assertThat(billing.answer("user-ana", "refund?", null).text()).isEqualTo("billing canned: refund?");
        assertThat(sales.answer("user-bo", "discount?", null).text()).isEqualTo("sales canned: discount?");

        assertThat(events(client, local)).extracting(RecordedEvent::key)
                .containsExactly("$ld:ai:usage:completion-config", "$ld:ai:usage:completion-config");
    }

    @Test
    void aMissingFlagUsesTheDefaultConfigOfTheBeanThatWasCalled() {
        assertThat(billing.withDefault("user-ana", null).text()).isEqualTo("billing-model: hi");
        assertThat(sales.withDefault("user-bo", null).text()).isEqualTo("sales-model: hi");

        assertThat(events(client, local)).filteredOn(e -> e.key().equals("$ld:ai:generation:success"))
                .extracting(e -> e.data().get("modelName").stringValue())
                .containsExactly("billing-model", "sales-model");
    }

    /** Not a bean: only its subclasses are. */
    public abstract static class BaseAssistant {

        abstract String team();

        @AiGeneration(config = "chat-off", fallback = "canned")
        public ModelReply answer(@LaunchDarklyContext String user, String question, AiCompletionConfig config) {
            return ModelReply.of("model: " + question);
        }

        ModelReply canned(String user, String question, AiCompletionConfig config) {
            return ModelReply.of(team() + " canned: " + question);
        }

        @AiGeneration(config = "not-a-flag", defaultConfig = "teamDefault")
        public ModelReply withDefault(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return ModelReply.of(config.model().orElseThrow().name() + ": hi");
        }

        AiConfigDefault teamDefault() {
            return AiConfigDefault.builder().enabled(true).model(new AiModel(team() + "-model", null, null)).build();
        }
    }

    @ApplicationScoped
    public static class BillingAssistant extends BaseAssistant {

        @Override
        String team() {
            return "billing";
        }
    }

    @ApplicationScoped
    public static class SalesAssistant extends BaseAssistant {

        @Override
        String team() {
            return "sales";
        }
    }
}
