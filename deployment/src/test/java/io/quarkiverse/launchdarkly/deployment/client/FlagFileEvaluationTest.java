package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/** In test mode with no SDK key, the client runs on the stand-in and evaluates the flags of the default file. */
class FlagFileEvaluationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset("""
                    flagValues:
                      greeting: "Hello from the file"
                      limits: { daily: 3 }
                    flags:
                      beta-search:
                        on: true
                        variations: [true, false]
                        offVariation: 1
                        fallthrough: { variation: 1 }
                        targets:
                          - values: ["tester"]
                            variation: 0
                        rules:
                          - id: enterprise
                            clauses:
                              - { contextKind: user, attribute: tier, op: in, values: ["enterprise"] }
                            variation: 0
                    """), "launchdarkly/flags.yaml"));

    @Inject
    LDClient client;

    @Inject
    LDClientInterface sameClient;

    @Inject
    LocalLaunchDarkly local;

    @Test
    void evaluatesTheFlagsOfTheFile() {
        assertThat(client.isInitialized()).isTrue();
        LDContext anyone = LDContext.create("anyone");
        assertThat(client.stringVariation("greeting", anyone, "default")).isEqualTo("Hello from the file");
        assertThat(client.jsonValueVariation("limits", anyone, LDValue.ofNull()).get("daily").intValue()).isEqualTo(3);
        assertThat(client.boolVariation("beta-search", anyone, true)).isFalse();
        assertThat(client.boolVariation("beta-search", LDContext.create("tester"), false)).isTrue();
        assertThat(client.boolVariationDetail("beta-search", LDContext.builder("acme").set("tier", "enterprise").build(),
                false).getReason()).isEqualTo(EvaluationReason.ruleMatch(0, "enterprise"));
        assertThat(client.stringVariation("absent-flag", anyone, "fallback")).isEqualTo("fallback");
    }

    @Test
    void bothClientTypesAreTheSameInstance() {
        assertThat(sameClient).isSameAs(client);
    }

    @Test
    void flagDataCanBeReplacedAtRunTime() throws InterruptedException {
        try {
            local.useFlagData("flagValues: { greeting: \"Replaced\" }");
            long deadline = System.currentTimeMillis() + 5000;
            while (!"Replaced".equals(client.stringVariation("greeting", LDContext.create("a"), "x"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(client.stringVariation("greeting", LDContext.create("a"), "x")).isEqualTo("Replaced");
        } finally {
            local.reset();
        }
    }
}
