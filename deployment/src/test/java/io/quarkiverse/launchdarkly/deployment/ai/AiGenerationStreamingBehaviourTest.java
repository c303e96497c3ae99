package io.quarkiverse.launchdarkly.deployment.ai;

import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.assertEvent;
import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.events;
import static io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.trackData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.ai.AiCompletionConfig;
import io.quarkiverse.launchdarkly.ai.AiGeneration;
import io.quarkiverse.launchdarkly.ai.AiMetrics;
import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;
import io.quarkiverse.launchdarkly.ai.AiTokenUsage;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.ModelReply;
import io.quarkiverse.launchdarkly.deployment.ai.AiGenerationTestModel.ReplyChunk;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Streams and asynchronous results of {@code @AiGeneration} methods: time to first token at the first chunk, tokens
 * from the final chunk, the rest at termination; {@code Uni} and {@code CompletionStage} results when they complete.
 */
class AiGenerationStreamingBehaviourTest {

    private static final Duration FIRST_CHUNK_DELAY = Duration.ofMillis(80);

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest().withApplicationRoot(root -> root
            .addClasses(StreamingModel.class, AiGenerationTestModel.class, ToolChunk.class, ToolChunkExtractor.class)
            .addAsResource(new StringAsset(AiGenerationTestModel.FLAGS), "launchdarkly/flags.yaml"));

    @Inject
    StreamingModel model;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    LDClientInterface client;

    @BeforeEach
    void reset() {
        events(client, local);
        local.reset();
        StreamingModel.BODY_CALLS.set(0);
    }

    @Test
    void aStreamRecordsTimeToFirstTokenAtTheFirstChunkAndTokensFromTheFinalOne() {
        Multi<ReplyChunk> stream = model.stream("user-kim", null);
        assertThat(events(client, local)).extracting(RecordedEvent::key)
                .containsExactly("$ld:ai:usage:completion-config"); // nothing before the subscription

        List<String> words = stream.map(ReplyChunk::text).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(words).containsExactly("Hello", "from", "the", "stream");
        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:tokens:ttf", "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total",
                "$ld:ai:tokens:input", "$ld:ai:tokens:output");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").build();
        RecordedEvent ttf = events.get(1);
        assertEvent(ttf, "$ld:ai:tokens:ttf", "user-kim", data, ttf.metricValue());
        assertThat(ttf.metricValue()).isGreaterThanOrEqualTo(FIRST_CHUNK_DELAY.toMillis());
        RecordedEvent duration = events.get(2);
        assertEvent(duration, "$ld:ai:duration:total", "user-kim", data, duration.metricValue());
        assertThat(duration.metricValue()).isGreaterThanOrEqualTo(ttf.metricValue());
        assertEvent(events.get(3), "$ld:ai:generation:success", "user-kim", data, 1);
        assertEvent(events.get(4), "$ld:ai:tokens:total", "user-kim", data, 9);
        assertEvent(events.get(5), "$ld:ai:tokens:input", "user-kim", data, 5);
        assertEvent(events.get(6), "$ld:ai:tokens:output", "user-kim", data, 4);
        assertThat(StreamingModel.BODY_CALLS.get()).isOne();
    }

    @Test
    void aStreamsToolCallsAreSentOnceEachAndItsLastUsageReportWins() {
        Multi<ToolChunk> stream = model.agentStream("user-pia", null);
        stream.collect().asList().await().atMost(Duration.ofSeconds(5));

        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:tokens:ttf", "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total",
                "$ld:ai:tokens:input", "$ld:ai:tokens:output", "$ld:ai:tool_call", "$ld:ai:tool_call");
        String runId = events.get(1).data().get("runId").stringValue();
        LDValue data = trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").build();
        // The interim report (3 in, 1 out) is replaced by the final one (3 in, 9 out), not added to it.
        assertEvent(events.get(4), "$ld:ai:tokens:total", "user-pia", data, 12);
        assertEvent(events.get(5), "$ld:ai:tokens:input", "user-pia", data, 3);
        assertEvent(events.get(6), "$ld:ai:tokens:output", "user-pia", data, 9);
        assertEvent(events.get(7), "$ld:ai:tool_call", "user-pia",
                trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").put("toolKey", "lookup_order")
                        .build(),
                1);
        assertEvent(events.get(8), "$ld:ai:tool_call", "user-pia",
                trackData(runId, "support-chat", "chat-v2", 4, "local-echo", "local").put("toolKey", "escalate")
                        .build(),
                1);

        // A second subscription runs the model again: a run of its own, with a new run id and the same events.
        stream.collect().asList().await().atMost(Duration.ofSeconds(5));
        List<RecordedEvent> twice = events(client, local);
        assertThat(twice.subList(events.size(), twice.size())).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:tokens:ttf", "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total",
                "$ld:ai:tokens:input", "$ld:ai:tokens:output", "$ld:ai:tool_call", "$ld:ai:tool_call");
        assertThat(twice.subList(events.size(), twice.size()))
                .extracting(event -> event.data().get("runId").stringValue()).doesNotContain(runId).hasSize(8)
                .containsOnly(twice.get(events.size()).data().get("runId").stringValue());
    }

    @Test
    void aStreamThatFailsRecordsAnErrorAndTheCallerGetsTheSameFailure() {
        Multi<ReplyChunk> stream = model.failingStream("user-lee", null);

        assertThatThrownBy(() -> stream.collect().asList().await().atMost(Duration.ofSeconds(5)))
                .isSameAs(StreamingModel.STREAM_FAILURE);
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:tokens:ttf", "$ld:ai:duration:total",
                "$ld:ai:generation:error");
    }

    @Test
    void aCancelledStreamRecordsItsDurationButNeitherSuccessNorError() {
        List<String> first = model.stream("user-max", null).select().first(1).map(ReplyChunk::text)
                .collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(first).containsExactly("Hello");
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:tokens:ttf", "$ld:ai:duration:total");
    }

    @Test
    void aStreamOfTextWithoutExtractorStillRecordsTimeToFirstTokenDurationAndSuccess() {
        List<String> words = model.text("user-ned", null).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(words).containsExactly("plain", "text");
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:tokens:ttf", "$ld:ai:duration:total",
                "$ld:ai:generation:success");
    }

    @Test
    void aUniIsTrackedWhenItsItemArrives() {
        Uni<ModelReply> uni = model.uni("user-oz", null);
        assertThat(events(client, local)).extracting(RecordedEvent::key)
                .containsExactly("$ld:ai:usage:completion-config");

        ModelReply reply = uni.await().atMost(Duration.ofSeconds(5));

        assertThat(reply.text()).isEqualTo("uni");
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total", "$ld:ai:generation:success",
                "$ld:ai:tokens:total", "$ld:ai:tokens:input", "$ld:ai:tokens:output");
    }

    @Test
    void aCompletionStageIsTrackedWhenItCompletesAndItsFailureIsAnError() throws Exception {
        CompletionStage<ModelReply> ok = model.stage("user-pia", false);
        assertThat(ok.toCompletableFuture().get(5, TimeUnit.SECONDS).text()).isEqualTo("stage");
        // The tracking is a dependent action of the stage: it may still run after get() returned.
        local.events().awaitCustomEvent("$ld:ai:tokens:output");
        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
        assertThat(events.get(1).metricValue()).isGreaterThanOrEqualTo(FIRST_CHUNK_DELAY.toMillis());

        local.reset();
        CompletionStage<ModelReply> failing = model.stage("user-pia", true);
        assertThatThrownBy(() -> failing.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseReference(StreamingModel.STREAM_FAILURE);
        local.events().awaitCustomEvent("$ld:ai:generation:error");
        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total", "$ld:ai:generation:error");
    }

    @Test
    void aCancelledCompletableFutureRecordsItsDurationButNeitherSuccessNorError() {
        CompletableFuture<ModelReply> pending = model.pending("user-quy");

        pending.cancel(true);

        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total");
    }

    @Test
    void aRetriedUniRecordsOneRunPerSubscription() {
        StreamingModel.ATTEMPTS.set(0);
        ModelReply reply = model.flaky("user-ray", null).onFailure().retry().atMost(2).await()
                .atMost(Duration.ofSeconds(5));

        assertThat(reply.text()).isEqualTo("third time lucky");
        List<RecordedEvent> events = events(client, local);
        assertThat(events).extracting(RecordedEvent::key).containsExactly("$ld:ai:usage:completion-config",
                "$ld:ai:duration:total", "$ld:ai:generation:error",
                "$ld:ai:duration:total", "$ld:ai:generation:error",
                "$ld:ai:duration:total", "$ld:ai:generation:success", "$ld:ai:tokens:total", "$ld:ai:tokens:input",
                "$ld:ai:tokens:output");
        // Three runs: the successful retry's tokens land on a run of their own, not on the first failure's.
        List<String> runIds = events.subList(1, events.size()).stream().map(event -> event.data().get("runId")
                .stringValue()).toList();
        assertThat(runIds.subList(0, 2)).containsOnly(runIds.get(0));
        assertThat(runIds.subList(2, 4)).containsOnly(runIds.get(2));
        assertThat(runIds.subList(4, 9)).containsOnly(runIds.get(4));
        assertThat(List.of(runIds.get(0), runIds.get(2), runIds.get(4))).doesNotHaveDuplicates();
    }

    @Test
    void aUniCancelledByATimeoutRecordsItsDurationButNeitherSuccessNorError() {
        assertThatThrownBy(() -> model.slow("user-sam", null).ifNoItem().after(Duration.ofMillis(50)).fail().await()
                .atMost(Duration.ofSeconds(5))).isInstanceOf(io.smallrye.mutiny.TimeoutException.class);

        assertThat(events(client, local)).extracting(RecordedEvent::key).containsExactly(
                "$ld:ai:usage:completion-config", "$ld:ai:duration:total");
    }

    @ApplicationScoped
    public static class StreamingModel {

        @AiGeneration(config = "support-chat")
        public CompletableFuture<ModelReply> pending(@LaunchDarklyContext String user) {
            return new CompletableFuture<>();
        }

        static final AtomicInteger BODY_CALLS = new AtomicInteger();
        static final AtomicInteger ATTEMPTS = new AtomicInteger();
        static final IllegalStateException STREAM_FAILURE = new IllegalStateException("connection reset");

        @AiGeneration(config = "support-chat")
        public Multi<ReplyChunk> stream(@LaunchDarklyContext String user, AiCompletionConfig config) {
            BODY_CALLS.incrementAndGet();
            return Multi.createFrom().items(new ReplyChunk("Hello", null, null), new ReplyChunk("from", null, null),
                    new ReplyChunk("the", null, null), new ReplyChunk("stream", 5, 4))
                    .onItem().call(chunk -> chunk.text().equals("Hello")
                            ? Uni.createFrom().nullItem().onItem().delayIt().by(FIRST_CHUNK_DELAY)
                            : Uni.createFrom().nullItem());
        }

        /** An agent's stream: a tool call, an interim usage report, then the answer with the final usage. */
        @AiGeneration(config = "support-chat")
        public Multi<ToolChunk> agentStream(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Multi.createFrom().items(new ToolChunk("Looking it up", null, List.of("lookup_order")),
                    new ToolChunk("", AiTokenUsage.of(3, 1), List.of()),
                    new ToolChunk("Escalated", AiTokenUsage.of(3, 9), List.of("escalate")));
        }

        @AiGeneration(config = "support-chat")
        public Multi<ReplyChunk> failingStream(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Multi.createBy().concatenating().streams(
                    Multi.createFrom().items(new ReplyChunk("partial", null, null)),
                    Multi.createFrom().failure(STREAM_FAILURE));
        }

        @AiGeneration(config = "support-chat")
        public Multi<String> text(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Multi.createFrom().items("plain", "text");
        }

        @AiGeneration(config = "support-chat")
        public Uni<ModelReply> uni(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Uni.createFrom().item(() -> ModelReply.of("uni"));
        }

        /** Fails on its first two subscriptions: the model is called once per subscription. */
        @AiGeneration(config = "support-chat")
        public Uni<ModelReply> flaky(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Uni.createFrom().item(() -> {
                if (ATTEMPTS.incrementAndGet() < 3) {
                    throw new IllegalStateException("overloaded");
                }
                return ModelReply.of("third time lucky");
            });
        }

        @AiGeneration(config = "support-chat")
        public Uni<ModelReply> slow(@LaunchDarklyContext String user, AiCompletionConfig config) {
            return Uni.createFrom().item(() -> ModelReply.of("late")).onItem().delayIt().by(Duration.ofSeconds(5));
        }

        @AiGeneration(config = "support-chat")
        public CompletionStage<ModelReply> stage(@LaunchDarklyContext String user, boolean fail) {
            return CompletableFuture.supplyAsync(() -> {
                sleep(FIRST_CHUNK_DELAY.toMillis());
                if (fail) {
                    throw STREAM_FAILURE;
                }
                return ModelReply.of("stage");
            });
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A chunk of an agent's stream: text, the usage reported so far (or null), the tools called in this chunk. */
    public record ToolChunk(String text, AiTokenUsage usage, List<String> tools) {
    }

    @ApplicationScoped
    public static class ToolChunkExtractor implements AiMetricsExtractor<ToolChunk> {

        @Override
        public AiMetrics extract(ToolChunk chunk) {
            return new AiMetrics(true, chunk.usage(), chunk.tools());
        }

        @Override
        public Class<ToolChunk> responseType() {
            return ToolChunk.class;
        }
    }
}
