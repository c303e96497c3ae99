package io.quarkiverse.launchdarkly.it.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The "Going to production" page's properties, as they are (docs/production.properties): the demo runs in remote mode
 * with the SDK key, the API token and the project key from the environment, behind a relay proxy. A stand-in started
 * with the jar's own class plays LaunchDarkly behind that proxy; there is no Dev Service.
 */
@QuarkusTest
@TestProfile(ProductionConfigTest.ProductionProperties.class)
@QuarkusTestResource(value = ProductionConfigTest.LaunchDarklyBehindRelayProxy.class, restrictToAnnotatedClass = true)
class ProductionConfigTest {

    @Inject
    LDClient client;

    @Inject
    MetricRegistration registration;

    @Test
    void theDemoServesFlagsSendsEventsAndRegistersMetricsWithTheProductionProperties() {
        LocalLaunchDarkly launchDarkly = LocalLaunchDarkly.connect(LaunchDarklyBehindRelayProxy.standIn.baseUri(),
                client::flush);
        launchDarkly.events().clear();

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'LaunchDarkly' }.data.mode", is("remote"))
                .body("checks.find { it.name == 'LaunchDarkly' }.data.dataSource", is("VALID"));
        given().header("X-Customer", "acme-42").when().get("/greeting")
                .then().statusCode(200).body(is("Hello from the support desk"));

        given().header("X-Customer", "acme-42").header("X-Customer-Tier", "enterprise")
                .contentType(ContentType.JSON).body("{\"score\":80,\"feedbackType\":\"ai-answer\"}")
                .when().post("/feedback").then().statusCode(204);
        assertThat(launchDarkly.events().awaitCustomEvent("user.satisfaction").contextKey()).isEqualTo("acme-42");

        RegistrationReport report = registration.reconcile();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.projectKey()).isEqualTo("support-desk");
        LDValue metric = launchDarkly.metricsApi().metric("support-desk", "user.satisfaction").orElseThrow();
        assertThat(metric.get("isNumeric").booleanValue()).isTrue();
    }

    /** The page's properties, and the REST API's base URL pointed at the stand-in (the page keeps the default). */
    public static class ProductionProperties implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(load("docs/production.properties"));
            config.put("quarkus.launchdarkly.api.base-url", "${LAUNCHDARKLY_RELAY_PROXY}");
            // The SDK key already keeps the Dev Service away; said here too, so the build need not resolve the key.
            config.put("quarkus.launchdarkly.devservices.enabled", "false");
            return config;
        }
    }

    /** Sets the variables the properties read, as the deployment's secrets would. */
    public static class LaunchDarklyBehindRelayProxy implements QuarkusTestResourceLifecycleManager {

        static volatile LaunchDarklyStandIn standIn;

        @Override
        public Map<String, String> start() {
            standIn = LaunchDarklyStandIn.builder().port(0).logEvents(false)
                    .flagsFile(Path.of("src/main/resources/launchdarkly/flags.yaml")).build().start();
            return Map.of("LAUNCHDARKLY_SDK_KEY", standIn.sdkKey(),
                    "LAUNCHDARKLY_API_TOKEN", standIn.writerApiToken(),
                    "LAUNCHDARKLY_RELAY_PROXY", standIn.baseUri().toString());
        }

        @Override
        public void stop() {
            if (standIn != null) {
                standIn.stop();
            }
        }
    }

    static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProductionConfigTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, (String) value));
        return map;
    }
}
