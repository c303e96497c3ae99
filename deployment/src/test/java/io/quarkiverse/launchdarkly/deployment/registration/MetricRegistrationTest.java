package io.quarkiverse.launchdarkly.deployment.registration;

import static io.quarkiverse.launchdarkly.deployment.registration.RegistrationTestSupport.json;
import static io.quarkiverse.launchdarkly.deployment.registration.RegistrationTestSupport.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The reconciliation against the stand-in's metrics API: created with the exact bodies at startup, one list read and
 * nothing else on a second run, one PATCH with only the changed fields after a change in LaunchDarkly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricRegistrationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.THREE_METRICS
                            + "quarkus.launchdarkly.registration.blocking=true\n"), "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    @Order(1)
    void startupCreatedTheThreeMetricsWithTheExactBodies() {
        RegistrationReport report = registration.report();
        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.projectKey()).isEqualTo("default");
        assertThat(report.outcomes()).extracting(MetricOutcome::metricKey, MetricOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ai.task.completion", MetricOutcome.Status.CREATED),
                org.assertj.core.groups.Tuple.tuple("checkout.completed", MetricOutcome.Status.CREATED),
                org.assertj.core.groups.Tuple.tuple("search.latency", MetricOutcome.Status.CREATED));

        Map<String, RecordedApiCall> posts = writes(local).stream()
                .collect(Collectors.toMap(c -> json(c.requestBody()).path("key").asText(), c -> c));
        assertThat(posts).hasSize(3);
        assertThat(json(posts.get("ai.task.completion").requestBody())).isEqualTo(json("""
                {"key":"ai.task.completion","name":"AI Task Completion Rate",
                 "description":"Tracks successful AI task completions","kind":"custom","eventKey":"ai.task.completion",
                 "isNumeric":true,"unit":"count","successCriteria":"HigherThanBaseline",
                 "tags":["ai","support","managed-by-quarkus"]}"""));
        assertThat(json(posts.get("checkout.completed").requestBody())).isEqualTo(json("""
                {"key":"checkout.completed","name":"Checkout completed","kind":"custom",
                 "eventKey":"checkout.completed","isNumeric":false,"tags":["managed-by-quarkus"]}"""));
        assertThat(json(posts.get("search.latency").requestBody())).isEqualTo(json("""
                {"key":"search.latency","name":"Search latency","kind":"custom","eventKey":"search.latency",
                 "isNumeric":true,"unit":"milliseconds","successCriteria":"LowerThanBaseline",
                 "unitAggregationType":"average","analysisType":"percentile","percentileValue":95,
                 "randomizationUnits":["user"],"tags":["managed-by-quarkus"]}"""));
        for (RecordedApiCall post : posts.values()) {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.status()).isEqualTo(201);
            assertThat(post.apiVersion()).isEqualTo("20240415");
            assertThat(post.userAgent()).startsWith("quarkus-launchdarkly/");
        }
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() {
        int callsBefore = local.metricsApi().calls().size();
        RegistrationReport report = registration.reconcile();
        assertThat(report.outcomes()).extracting(MetricOutcome::status).containsOnly(MetricOutcome.Status.UNCHANGED);
        List<RecordedApiCall> newCalls = local.metricsApi().calls().subList(callsBefore, local.metricsApi().calls().size());
        // One list read of the managed metrics, not a read per metric.
        assertThat(newCalls).singleElement().satisfies(list -> {
            assertThat(list.method()).isEqualTo("GET");
            assertThat(list.path()).isEqualTo("/api/v2/metrics/default");
        });
    }

    @Test
    @Order(3)
    void aChangedNameAndUnitGiveOnePatchWithExactlyThoseTwoOperations() {
        RegistrationTestSupport.patchInLaunchDarkly(local, "ai.task.completion", """
                [{"op":"replace","path":"/name","value":"Renamed in the UI"},
                 {"op":"replace","path":"/unit","value":"percent"}]""");
        int writesBefore = writes(local).size();

        RegistrationReport report = registration.reconcile();

        assertThat(report.outcomes()).filteredOn(o -> o.metricKey().equals("ai.task.completion")).singleElement()
                .satisfies(o -> {
                    assertThat(o.status()).isEqualTo(MetricOutcome.Status.UPDATED);
                    assertThat(o.changedFields()).containsExactly("name", "unit");
                });
        List<RecordedApiCall> newWrites = writes(local).subList(writesBefore, writes(local).size());
        assertThat(newWrites).singleElement().satisfies(patch -> {
            assertThat(patch.method()).isEqualTo("PATCH");
            assertThat(patch.path()).isEqualTo("/api/v2/metrics/default/ai.task.completion");
            assertThat(json(patch.requestBody())).isEqualTo(json("""
                    [{"op":"replace","path":"/name","value":"AI Task Completion Rate"},
                     {"op":"replace","path":"/unit","value":"count"}]"""));
        });
        assertThat(report.summary()).contains("1 updated [ai.task.completion updated [name, unit]]")
                .contains("2 unchanged");
    }
}
