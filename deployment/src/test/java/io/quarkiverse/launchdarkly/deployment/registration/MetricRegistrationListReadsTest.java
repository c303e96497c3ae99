package io.quarkiverse.launchdarkly.deployment.registration;

import static io.quarkiverse.launchdarkly.deployment.registration.RegistrationTestSupport.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.registration.MetricOutcome;
import io.quarkiverse.launchdarkly.registration.MetricRegistration;
import io.quarkiverse.launchdarkly.registration.RegistrationReport;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A hundred definitions cost the pages of one list read when nothing changed (LaunchDarkly lists 50 metrics a page),
 * not a read per metric; a metric deleted in LaunchDarkly after the list read is created again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricRegistrationListReadsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(RegistrationTestSupport.class)
                    .addAsResource(new StringAsset(RegistrationTestSupport.numberedMetrics("step.%03d", "Step %d", 100)),
                            "application.properties"));

    @Inject
    MetricRegistration registration;

    @Inject
    LocalLaunchDarkly local;

    @Test
    @Order(1)
    void startupCreatedAllHundredAfterOneEmptyListRead() {
        assertThat(registration.report().withStatus(MetricOutcome.Status.CREATED)).hasSize(100);
        assertThat(writes(local)).hasSize(100).extracting(RecordedApiCall::method).containsOnly("POST");
        assertThat(local.metricsApi().calls()).filteredOn(call -> call.method().equals("GET")).singleElement()
                .satisfies(list -> assertThat(list.queryParam("filter")).isEqualTo("tags contains [\"managed-by-quarkus\"]"));
    }

    @Test
    @Order(2)
    void aHundredUnchangedMetricsAreTwoReadsAndNoWrite() {
        int before = local.metricsApi().calls().size();

        RegistrationReport report = registration.reconcile();

        assertThat(report.outcomes()).hasSize(100).extracting(MetricOutcome::status)
                .containsOnly(MetricOutcome.Status.UNCHANGED);
        List<RecordedApiCall> calls = local.metricsApi().calls().subList(before, local.metricsApi().calls().size());
        assertThat(calls).extracting(RecordedApiCall::method, RecordedApiCall::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "/api/v2/metrics/default"),
                org.assertj.core.groups.Tuple.tuple("GET", "/api/v2/metrics/default"));
        assertThat(calls).extracting(call -> call.queryParam("offset")).containsExactly("0", "50");
    }

    @Test
    @Order(3)
    void aMetricGoneBetweenTheListReadAndThePatchIsWrittenAgain() {
        RegistrationTestSupport.patchInLaunchDarkly(local, "step.007", """
                [{"op":"replace","path":"/name","value":"Renamed"}]""");
        // The PATCH that restores the name finds the metric gone, as if it was deleted (and made again by someone
        // else) between the list read and the write: the create answers 409, the metric is read and patched.
        local.faults().inject(Fault.on("PATCH", "/api/v2/metrics/default/step.007").status(404).times(1));
        int before = local.metricsApi().calls().size();

        RegistrationReport report = registration.reconcile();

        assertThat(report.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(report.outcomes()).filteredOn(o -> o.metricKey().equals("step.007")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(MetricOutcome.Status.UPDATED));
        assertThat(local.faults().pending()).as("the PATCH met the 404").isEmpty();
        // The stand-in records the requests it handled, after the fault's answer.
        assertThat(local.metricsApi().calls().subList(before, local.metricsApi().calls().size()))
                .filteredOn(call -> call.path().contains("step.007") || call.method().equals("POST"))
                .extracting(RecordedApiCall::method, RecordedApiCall::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", 409),
                        org.assertj.core.groups.Tuple.tuple("GET", 200),
                        org.assertj.core.groups.Tuple.tuple("PATCH", 200));
        assertThat(local.metricsApi().metric("default", "step.007").orElseThrow().get("name").stringValue())
                .isEqualTo("Step 7");
    }

    @Test
    @Order(4)
    void aPlanSaysWhatWouldChangeWritesNothingAndKeepsTheLastReport() {
        RegistrationTestSupport.patchInLaunchDarkly(local, "step.042", """
                [{"op":"replace","path":"/name","value":"Changed in LaunchDarkly"}]""");
        RegistrationReport last = registration.report();
        int writesBefore = writes(local).size();

        RegistrationReport plan = registration.plan();

        assertThat(plan.state()).isEqualTo(RegistrationReport.State.DONE);
        assertThat(plan.outcomes()).filteredOn(o -> o.status() == MetricOutcome.Status.PLANNED).singleElement()
                .satisfies(o -> {
                    assertThat(o.metricKey()).isEqualTo("step.042");
                    assertThat(o.changedFields()).containsExactly("name");
                    assertThat(o.reason()).isEqualTo("would update");
                });
        assertThat(plan.withStatus(MetricOutcome.Status.UNCHANGED)).hasSize(99);
        assertThat(writes(local)).as("a plan writes nothing").hasSize(writesBefore);
        assertThat(registration.report()).as("the last run's report stays").isSameAs(last);
        assertThat(local.metricsApi().metric("default", "step.042").orElseThrow().get("name").stringValue())
                .isEqualTo("Changed in LaunchDarkly");
    }
}
