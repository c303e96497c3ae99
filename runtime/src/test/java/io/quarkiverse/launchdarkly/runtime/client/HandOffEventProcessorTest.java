package io.quarkiverse.launchdarkly.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.MigrationOpTracker;
import com.launchdarkly.sdk.server.subsystems.EventProcessor;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.runtime.events.LossCause;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.quarkiverse.launchdarkly.runtime.testing.CapturedLog;
import io.quarkiverse.launchdarkly.standin.LaunchDarklyStandIn;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkiverse.launchdarkly.test.RecordedEvent;

/**
 * The hand-off between the caller's thread and the SDK's event processor: order, flush, close, overflow, and the
 * creation time the SDK stamps. The order and overflow tests watch what reaches a recording processor; the end-to-end
 * test runs the real SDK against the stand-in.
 */
class HandOffEventProcessorTest {

    private static final LDContext USER = LDContext.create("hand-off-user");

    @Test
    void eventsOfEveryKindReachTheSdkInTheOrderTheyWereRecordedAndAFlushFollowsThem() throws IOException {
        Recording sdk = new Recording();
        HandOffEventProcessor handOff = new HandOffEventProcessor(sdk, new EventCounters(Duration.ofSeconds(5)), 1024,
                new TrackingFailures());

        for (int i = 0; i < 300; i++) {
            handOff.recordCustomEvent(USER, "custom-" + i, LDValue.ofNull(), null);
            if (i % 100 == 0) {
                handOff.recordEvaluationEvent(USER, "flag-" + i, 1, 0, LDValue.of(true), EvaluationReason.off(),
                        LDValue.of(false), null, false, null, false, null);
                handOff.recordIdentifyEvent(USER);
            }
        }
        handOff.flush();

        await().atMost(Duration.ofSeconds(10)).until(() -> sdk.received.contains("flush"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add("custom-" + i);
            if (i % 100 == 0) {
                expected.add("evaluation flag-" + i);
                expected.add("identify");
            }
        }
        expected.add("flush");
        assertThat(sdk.received).containsExactlyElementsOf(expected);
        handOff.close();
        assertThat(sdk.received).endsWith("close");
    }

    @Test
    void closeHandsOverEverythingRecordedBeforeIt() throws IOException {
        Recording sdk = new Recording();
        HandOffEventProcessor handOff = new HandOffEventProcessor(sdk, new EventCounters(Duration.ofSeconds(5)), 4096,
                new TrackingFailures());

        for (int i = 0; i < 2000; i++) {
            handOff.recordCustomEvent(USER, "e" + i, LDValue.ofNull(), (double) i);
        }
        handOff.close();

        assertThat(sdk.received).hasSize(2001).startsWith("e0").endsWith("e1999", "close");
    }

    @Test
    void whatDoesNotFitIsDroppedAndCountedExactly() throws Exception {
        Recording sdk = new Recording();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sdk.onFirstEvent = () -> {
            blocked.countDown();
            awaitQuietly(release);
        };
        DeliveryCounters delivery = new DeliveryCounters();
        EventCounters counters = new EventCounters(Duration.ofSeconds(5), delivery);
        HandOffEventProcessor handOff = new HandOffEventProcessor(sdk, counters, 8, new TrackingFailures());
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(TrackingFailures.class)) {
            handOff.recordCustomEvent(USER, "first", LDValue.ofNull(), null);
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue(); // the hand-off thread now holds "first"
            for (int i = 0; i < 20; i++) {
                handOff.recordCustomEvent(USER, "queued-" + i, LDValue.ofNull(), null);
            }
            release.countDown();
            handOff.close();
            logged = log.records();
        }

        assertThat(counters.handOffDroppedCount()).isEqualTo(12); // 20 recorded while 8 places were free
        assertThat(delivery.lostEvents(LossCause.QUEUE_FULL)).as("each drop is a loss of the delivery").isEqualTo(12);
        assertThat(delivery.lostEvents()).isEqualTo(12);
        assertThat(delivery.lostEventsByCause()).containsEntry(LossCause.QUEUE_FULL, 12L);
        // Logged by the hand-off thread once it looks again, not by the first caller refused: it has seen all 12.
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(logged.get(0).getMessage()).contains("LaunchDarkly events are being dropped")
                .contains("12 dropped so far").contains("quarkus.launchdarkly.events.capacity");
        assertThat(sdk.received).hasSize(1 + 8 + 1).startsWith("first", "queued-0").endsWith("queued-7", "close");
    }

    @Test
    void theSdkDeliversEverythingInOrderStampedBetweenTheCallAndTheFlush(@TempDir Path dir) throws Exception {
        Path flags = dir.resolve("flags.yaml");
        Files.writeString(flags, "flagValues:\n  greeting: hello\n");
        try (LaunchDarklyStandIn standIn = LaunchDarklyStandIn.builder().sdkKey("sdk-test").flagsFile(flags).build()
                .start()) {
            EventCounters counters = new EventCounters(Duration.ofSeconds(5));
            LDClient client = new LDClient("sdk-test", new LDConfig.Builder()
                    .serviceEndpoints(Components.serviceEndpoints().relayProxy(standIn.baseUri()))
                    .events(HandOffEventProcessor.around(Components.sendEvents().flushInterval(Duration.ofSeconds(30)),
                            counters, 10_000, new TrackingFailures()))
                    .diagnosticOptOut(true)
                    .startWait(Duration.ofSeconds(5))
                    .build());
            LocalLaunchDarkly local = LocalLaunchDarkly.connect(standIn.baseUri(), client::flush);
            long before = System.currentTimeMillis();
            for (int i = 0; i < 500; i++) {
                client.trackMetric("paid", LDContext.create("user-" + i), LDValue.ofNull(), i);
            }
            client.flush();

            List<RecordedEvent> paid = local.events().awaitCustomEvents("paid", 500, Duration.ofSeconds(10));
            long received = System.currentTimeMillis();
            assertThat(paid).extracting(RecordedEvent::metricValue)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).mapToObj(i -> (double) i).toList());
            // The SDK stamps an event when the hand-off gives it over: after the call, before it was delivered (how soon
            // after the call is documented, not asserted here).
            assertThat(paid).allSatisfy(event -> assertThat(event.creationDate()).isBetween(before, received));
            assertThat(counters.handOffDroppedCount()).isZero();
            client.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The SDK's side, reduced to what it was handed and in which order. */
    private static final class Recording implements EventProcessor {
        final List<String> received = new CopyOnWriteArrayList<>();
        Runnable onFirstEvent;

        private void receive(String what) {
            received.add(what);
            if (received.size() == 1 && onFirstEvent != null) {
                onFirstEvent.run();
            }
        }

        @Override
        public void recordEvaluationEvent(LDContext context, String flagKey, int flagVersion, int variation,
                LDValue value, EvaluationReason reason, LDValue defaultValue, String prerequisiteOfFlagKey,
                boolean requireFullEvent, Long debugEventsUntilDate, boolean excludeFromSummaries, Long samplingRatio) {
            receive("evaluation " + flagKey);
        }

        @Override
        public void recordIdentifyEvent(LDContext context) {
            receive("identify");
        }

        @Override
        public void recordCustomEvent(LDContext context, String eventKey, LDValue data, Double metricValue) {
            receive(eventKey);
        }

        @Override
        public void recordMigrationEvent(MigrationOpTracker tracker) {
            receive("migration");
        }

        @Override
        public void flush() {
            receive("flush");
        }

        @Override
        public void close() {
            receive("close");
        }
    }
}
