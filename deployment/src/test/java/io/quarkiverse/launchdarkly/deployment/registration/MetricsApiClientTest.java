package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.launchdarkly.sdk.LDValue;

import io.quarkiverse.launchdarkly.registration.ConflictException;
import io.quarkiverse.launchdarkly.registration.EventDefault;
import io.quarkiverse.launchdarkly.registration.InvalidRequestException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricNotFoundException;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.PatchOperation;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The metrics REST client against the local stand-in (test mode without an SDK key is local mode): what crosses the
 * wire for each operation, and how answers come back.
 */
class MetricsApiClientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root.addClass(EarlyUser.class));

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LaunchDarklyMetricsClient client;

    @Inject
    LocalLaunchDarkly local;

    @BeforeEach
    void reset() {
        local.reset();
    }

    @Inject
    EarlyUser earlyUser;

    @Test
    void aUseBeforeTheSdkClientStartedWorks() {
        // EarlyUser called the client at startup, before the LDClient producer (a @Startup bean) had run: the Dev
        // Service's stand-in is there before the application starts.
        assertThat(earlyUser.failure).isNull();
        assertThat(earlyUser.metricsListed).isZero();
    }

    @Test
    void localModeUsesTheDefaultProject() {
        assertThat(client.projectKey()).isEqualTo("default");
        assertThat(client.hasToken()).isTrue();
        assertThat(client.maxRetries()).isEqualTo(5);
    }

    @Test
    void createSendsTheExactBodyAndTheHeaders() throws Exception {
        MetricPost post = MetricPost.numeric("ai.task.completion", "ai.task.completion", "count", "HigherThanBaseline")
                .name("AI Task Completion Rate").description("Tracks successful AI task completions")
                .unitAggregationType("sum").randomizationUnits("user").eventDefault(EventDefault.ofValue(0))
                .tags("ai", "managed-by-quarkus").build();

        MetricRep created = client.create(post);

        assertThat(local.metricsApi().calls()).hasSize(1);
        RecordedApiCall call = local.metricsApi().calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v2/metrics/default");
        assertThat(call.status()).isEqualTo(201);
        assertThat(call.requestJson()).isEqualTo(LDValue.parse("""
                {"key":"ai.task.completion","name":"AI Task Completion Rate",
                 "description":"Tracks successful AI task completions","kind":"custom","eventKey":"ai.task.completion",
                 "isNumeric":true,"unit":"count","successCriteria":"HigherThanBaseline","unitAggregationType":"sum",
                 "randomizationUnits":["user"],"eventDefault":{"disabled":false,"value":0.0},
                 "tags":["ai","managed-by-quarkus"]}
                """));
        assertThat(call.userAgent()).startsWith("quarkus-launchdarkly/");
        assertThat(call.apiVersion()).isEqualTo("20240415");
        assertThat(call.contentType()).startsWith("application/json");

        assertThat(created.key()).isEqualTo("ai.task.completion");
        assertThat(created.id()).isNotBlank();
        assertThat(created.version()).isEqualTo(1L);
        assertThat(created.creationDate()).isPositive();
        assertThat(created.links()).containsKey("self");
        assertThat(created.isNumeric()).isTrue();
        assertThat(created.randomizationUnits()).containsExactly("user");
        assertThat(created.tags()).containsExactly("ai", "managed-by-quarkus");
        assertThat(created.toPost()).isEqualTo(post);
    }

    @Test
    void createInAnotherProject() {
        client.create("other-project", MetricPost.conversion("signup", "signup").build());

        assertThat(local.metricsApi().lastCall().orElseThrow().path()).isEqualTo("/api/v2/metrics/other-project");
        assertThat(local.metricsApi().metric("other-project", "signup")).isPresent();
        assertThat(local.metricsApi().metric("default", "signup")).isEmpty();
        assertThat(client.get("other-project", "signup")).isPresent();
        assertThat(client.get("signup")).isEmpty();
    }

    @Test
    void getPresentAndAbsent() {
        local.metricsApi().put("default", """
                {"key":"checkout.completed","kind":"custom","eventKey":"checkout.completed","isNumeric":false,
                 "name":"Checkout","tags":["shop"],"category":"Conversion"}
                """);

        Optional<MetricRep> present = client.get("checkout.completed");
        Optional<MetricRep> absent = client.get("no.such.metric");

        assertThat(present).isPresent();
        assertThat(present.get().name()).isEqualTo("Checkout");
        assertThat(present.get().eventKey()).isEqualTo("checkout.completed");
        assertThat(present.get().isNumeric()).isFalse();
        assertThat(absent).isEmpty();
        List<RecordedApiCall> calls = local.metricsApi().calls();
        assertThat(calls).extracting(RecordedApiCall::method, RecordedApiCall::path, RecordedApiCall::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/v2/metrics/default/checkout.completed", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/v2/metrics/default/no.such.metric", 404));
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.apiVersion()).isEqualTo("20240415");
            assertThat(call.userAgent()).startsWith("quarkus-launchdarkly/");
        });
    }

    @Test
    void listOf45MetricsIsOneCall() {
        seed(45, i -> "m" + i, List.of());

        List<MetricRep> metrics = client.list();

        assertThat(metrics).hasSize(45);
        assertThat(metrics).extracting(MetricRep::key).doesNotHaveDuplicates();
        List<RecordedApiCall> calls = local.metricsApi().calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).queryParam("limit")).isEqualTo("50");
        assertThat(calls.get(0).queryParam("offset")).isEqualTo("0");
    }

    @Test
    void listFollowsPagesUntilAllAreRead() {
        seed(120, i -> String.format("metric-%03d", i), List.of());

        List<MetricRep> metrics = client.list();

        assertThat(metrics).extracting(MetricRep::key)
                .containsExactlyElementsOf(IntStream.range(0, 120).mapToObj(i -> String.format("metric-%03d", i)).toList());
        assertThat(local.metricsApi().calls()).extracting(call -> call.queryParam("offset"))
                .containsExactly("0", "50", "100");
    }

    @Test
    void listWithAFilter() {
        seed(3, i -> "tagged" + i, List.of("managed-by-quarkus"));
        seed(2, i -> "other" + i, List.of("manual"));

        List<MetricRep> metrics = client.list("tags contains [\"managed-by-quarkus\"]");

        assertThat(metrics).extracting(MetricRep::key).containsExactly("tagged0", "tagged1", "tagged2");
        assertThat(local.metricsApi().lastCall().orElseThrow().queryParam("filter"))
                .isEqualTo("tags contains [\"managed-by-quarkus\"]");
    }

    @Test
    void listOfAnEmptyProject() {
        assertThat(client.list("empty-project", null)).isEmpty();
        assertThat(local.metricsApi().calls()).hasSize(1);
    }

    @Test
    void updateSendsExactlyThePatchOperations() throws Exception {
        client.create(MetricPost.conversion("signup", "signup").name("Sign-up").tags("a").build());
        List<PatchOperation> patch = List.of(PatchOperation.replace("/name", "Sign-up completed"),
                PatchOperation.add("/tags/-", "b"), PatchOperation.add("/description", "New users"));

        MetricRep updated = client.update("signup", patch);

        RecordedApiCall call = local.metricsApi().lastCall().orElseThrow();
        assertThat(call.method()).isEqualTo("PATCH");
        assertThat(call.path()).isEqualTo("/api/v2/metrics/default/signup");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(call.requestJson()).isEqualTo(LDValue.parse("""
                [{"op":"replace","path":"/name","value":"Sign-up completed"},{"op":"add","path":"/tags/-","value":"b"},
                 {"op":"add","path":"/description","value":"New users"}]
                """));
        assertThat(updated.name()).isEqualTo("Sign-up completed");
        assertThat(updated.tags()).containsExactly("a", "b");
        assertThat(updated.description()).isEqualTo("New users");
        assertThat(updated.version()).isEqualTo(2L);
    }

    @Test
    void anEmptyPatchIsRefusedWithoutARequest() {
        assertThatThrownBy(() -> client.update("signup", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(local.metricsApi().calls()).isEmpty();
    }

    @Test
    void deleteThenGetIsEmpty() {
        client.create(MetricPost.conversion("signup", "signup").build());

        client.delete("signup");

        assertThat(client.get("signup")).isEmpty();
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::method, RecordedApiCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 201),
                        org.assertj.core.groups.Tuple.tuple("DELETE", 204),
                        org.assertj.core.groups.Tuple.tuple("GET", 404));
    }

    @Test
    void deletingAMissingMetricIsNotFound() {
        assertThatThrownBy(() -> client.delete("no.such.metric"))
                .isInstanceOfSatisfying(MetricNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("not_found");
                    assertThat(e.message()).contains("no.such.metric");
                });
        assertThat(local.metricsApi().calls()).hasSize(1);
    }

    @Test
    void anExistingKeyIsAConflictThatSaysAlreadyExists() {
        MetricPost post = MetricPost.conversion("signup", "signup").build();
        client.create(post);

        assertThatThrownBy(() -> client.create(post)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("optimistic_locking_error");
            assertThat(e.isAlreadyExists()).isTrue();
            assertThat(e.requestId()).isNotBlank();
            assertThat(e).hasMessageContaining("POST /api/v2/metrics/default").hasMessageContaining("409");
        });
        // Never retried.
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::status).containsExactly(201, 409);
    }

    @Test
    void anInvalidBodyIsAnInvalidRequestWithLaunchDarklysMessageAndRequestId() {
        // A numeric custom metric needs a unit.
        MetricPost post = MetricPost.builder("latency", MetricPost.KIND_CUSTOM).eventKey("latency").isNumeric(true)
                .successCriteria("LowerThanBaseline").build();

        assertThatThrownBy(() -> client.create(post)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.message()).isEqualTo("unit is required for numeric custom metrics");
            assertThat(e.requestId()).matches("[0-9a-f-]{36}");
            assertThat(e.isAlreadyExists()).isFalse();
            assertThat(e).hasMessageContaining("unit is required for numeric custom metrics")
                    .hasMessageContaining(e.requestId());
        });
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::status).containsExactly(400);
    }

    @Test
    void clientToStringNamesNoToken() {
        client.list();
        assertThat(client.toString()).contains("default").doesNotContain(local.writerApiToken());
    }

    private void seed(int count, java.util.function.IntFunction<String> key, List<String> tags) {
        for (int i = 0; i < count; i++) {
            JsonNode metric = JSON.createObjectNode().put("key", key.apply(i)).put("kind", "custom")
                    .put("eventKey", key.apply(i)).put("isNumeric", false)
                    .set("tags", JSON.valueToTree(new ArrayList<>(tags)));
            local.metricsApi().put("default", metric.toString());
        }
    }

    /** Uses the client at startup, ahead of every {@code @Startup} bean. */
    @Singleton
    public static class EarlyUser {

        volatile Integer metricsListed;
        volatile RuntimeException failure;

        void onStart(@Observes @Priority(1) StartupEvent event, LaunchDarklyMetricsClient client) {
            try {
                metricsListed = client.list().size();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
