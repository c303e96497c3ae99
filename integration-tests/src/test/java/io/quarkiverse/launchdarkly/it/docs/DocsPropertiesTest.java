package io.quarkiverse.launchdarkly.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The endpoint properties that the "Going to production" page shows for the EU and federal instances cannot be tried
 * here (no network): they name properties of the generated configuration reference, and give the three SDK endpoints
 * together, as startup requires.
 */
class DocsPropertiesTest {

    private static final Path CONFIG_REFERENCE = Path.of("../docs/modules/ROOT/pages/includes/quarkus-launchdarkly.adoc");

    @Test
    void theInstancePropertiesAreConfigurationPropertiesWithTheThreeEndpoints() throws IOException {
        String reference = Files.readString(CONFIG_REFERENCE);
        for (String file : new String[] { "docs/eu.properties", "docs/federal.properties", "docs/production.properties" }) {
            Map<String, String> properties = ProductionConfigTest.load(file);
            assertThat(properties.keySet()).as(file)
                    .allSatisfy(key -> assertThat(reference).contains("`+++" + key + "+++`"));
            if (!file.endsWith("production.properties")) {
                assertThat(properties).as(file).containsKeys("quarkus.launchdarkly.service-endpoints.streaming",
                        "quarkus.launchdarkly.service-endpoints.polling", "quarkus.launchdarkly.service-endpoints.events",
                        "quarkus.launchdarkly.api.base-url");
                assertThat(properties.values()).as(file).allSatisfy(url -> assertThat(url).startsWith("https://"));
            }
        }
    }
}
