package io.quarkiverse.launchdarkly.runtime.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The durations {@link CallResults} reports to an untimed call: 0 on every path, the clock never consulted for them.
 * The results themselves pass through as they would for a timed call.
 */
class CallResultsTest {

    @Test
    void anUntimedCallReportsNoDurationWhateverItsResult() {
        Recording observer = new Recording();
        CallResults.threw(new IllegalStateException("boom"), CallResults.UNTIMED, observer);
        CompletableFuture<String> stage = new CompletableFuture<>();
        assertThat(CallResults.observe(ResultKind.COMPLETION_STAGE, stage, CallResults.UNTIMED, observer, null))
                .isSameAs(stage);
        stage.complete("done");
        assertThat(CallResults.observe(ResultKind.SYNC, null, CallResults.UNTIMED, observer, null)).isNull();

        assertThat(observer.signals).containsExactly("failed 0", "succeeded done 0", "succeeded null 0");
    }

    @Test
    void everySubscriptionOfAnUntimedUniOrMultiReportsNoDuration() {
        Recording first = new Recording();
        Recording later = new Recording();
        @SuppressWarnings("unchecked")
        Uni<String> uni = (Uni<String>) CallResults.observe(ResultKind.UNI, Uni.createFrom().item("answer"),
                CallResults.UNTIMED, first, () -> later);
        assertThat(uni.await().indefinitely()).isEqualTo("answer");
        assertThat(uni.await().indefinitely()).isEqualTo("answer");
        assertThat(first.signals).containsExactly("succeeded answer 0");
        assertThat(later.signals).containsExactly("succeeded answer 0");

        Recording streamed = new Recording();
        @SuppressWarnings("unchecked")
        Multi<Integer> multi = (Multi<Integer>) CallResults.observe(ResultKind.MULTI, Multi.createFrom().items(1, 2),
                CallResults.UNTIMED, streamed, Recording::new);
        assertThat(multi.collect().asList().await().indefinitely()).containsExactly(1, 2);
        assertThat(streamed.signals).containsExactly("item 1 0", "item 2 0", "succeeded null 0");
    }

    @Test
    void aTimedCallReportsTheTimeSinceItsStart() {
        Recording observer = new Recording();
        long start = System.nanoTime();
        CallResults.observe(ResultKind.SYNC, null, start, observer, null);
        long bound = System.nanoTime() - start;
        // Not a timing assertion: only that the duration is measured from the given start, not from 0 or the epoch.
        assertThat(observer.durations).singleElement().satisfies(d -> assertThat(d).isBetween(0L, bound));
    }

    private static final class Recording implements CallObserver {
        final List<String> signals = new CopyOnWriteArrayList<>();
        final List<Long> durations = new CopyOnWriteArrayList<>();

        @Override
        public void item(Object item, long sinceStartNanos) {
            signals.add("item " + item + " " + sinceStartNanos);
        }

        @Override
        public void succeeded(Object result, long durationNanos) {
            signals.add("succeeded " + result + " " + durationNanos);
            durations.add(durationNanos);
        }

        @Override
        public void failed(Throwable failure, long durationNanos) {
            signals.add("failed " + durationNanos);
        }

        @Override
        public void cancelled(long durationNanos) {
            signals.add("cancelled " + durationNanos);
        }
    }
}
