package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.registration.ForbiddenException;
import io.quarkiverse.launchdarkly.registration.LaunchDarklyMetricsClient;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.PatchOperation;
import io.quarkiverse.launchdarkly.registration.UnauthorizedException;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedApiCall;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Tokens: an explicitly configured token replaces the stand-in's writer token in local mode; an unknown token is a 401,
 * a reader token a 403 on writes; no token ever appears in a message, a {@code toString()} or a log line.
 */
class MetricsApiClientAuthTest {

    static final String UNKNOWN_TOKEN = "api-not-registered-5d1c0a7e-2f4b-4c1e-9a57-0123456789ab";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(CapturedLogs.class, LogRecordText.class))
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.token", UNKNOWN_TOKEN)
            .overrideRuntimeConfigKey("quarkus.launchdarkly.api.project-key", "shop")
            .overrideRuntimeConfigKey("quarkus.log.category.\"io.quarkiverse.launchdarkly.runtime.registration.api\".level",
                    "DEBUG");

    @Inject
    LaunchDarklyMetricsClient client;

    @Inject
    LocalLaunchDarkly local;

    final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void reset() {
        local.reset();
        logs.start();
    }

    @AfterEach
    void noTokenInAnyLogLine() {
        logs.stop();
        assertThat(logs.messages()).allSatisfy(text -> assertThat(text).doesNotContain(UNKNOWN_TOKEN)
                .doesNotContain(local.readerApiToken()).doesNotContain(local.writerApiToken()));
    }

    @Test
    void theConfiguredProjectKeyIsUsedInLocalModeToo() {
        assertThat(client.projectKey()).isEqualTo("shop");
    }

    @Test
    void anUnknownTokenIsUnauthorizedAndNeverInTheMessage() {
        assertThatThrownBy(() -> client.create(MetricPost.conversion("signup", "signup").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e).hasMessageContaining("quarkus.launchdarkly.api.token")
                            .hasMessageNotContaining(UNKNOWN_TOKEN);
                    assertThat(e.toString()).doesNotContain(UNKNOWN_TOKEN);
                });
        assertThatThrownBy(() -> client.list()).isInstanceOf(UnauthorizedException.class)
                .hasMessageNotContaining(UNKNOWN_TOKEN);
        assertThatThrownBy(() -> client.get("signup")).isInstanceOf(UnauthorizedException.class);
        // Sent to the project configured, and never retried.
        assertThat(local.metricsApi().calls()).extracting(RecordedApiCall::path).containsExactly("/api/v2/metrics/shop",
                "/api/v2/metrics/shop", "/api/v2/metrics/shop/signup");
        assertThat(client.toString()).doesNotContain(UNKNOWN_TOKEN);
    }

    @Test
    void theReaderTokenMayReadButNotWrite() {
        local.metricsApi().put("shop", "{\"key\":\"signup\",\"kind\":\"custom\",\"eventKey\":\"signup\",\"isNumeric\":false}");
        LaunchDarklyMetricsClient reader = client.withToken(local.readerApiToken());

        assertThat(reader.get("signup")).isPresent();
        assertThat(reader.list()).hasSize(1);
        assertThatThrownBy(() -> reader.create(MetricPost.conversion("other", "other").build()))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("forbidden");
                    assertThat(e).hasMessageContaining("writer role").hasMessageNotContaining(local.readerApiToken());
                    assertThat(e.toString()).doesNotContain(local.readerApiToken());
                });
        assertThatThrownBy(() -> reader.update("signup", java.util.List.of(PatchOperation.replace("/name", "x"))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("writer role");
        assertThatThrownBy(() -> reader.delete("signup")).isInstanceOf(ForbiddenException.class);
        assertThat(reader.toString()).doesNotContain(local.readerApiToken());
        assertThat(local.metricsApi().metric("shop", "signup")).isPresent();
    }

    @Test
    void theWriterTokenMayWrite() {
        LaunchDarklyMetricsClient writer = client.withToken(local.writerApiToken());

        writer.create(MetricPost.conversion("signup", "signup").build());

        assertThat(local.metricsApi().metric("shop", "signup")).isPresent();
    }

}
