package io.quarkiverse.launchdarkly.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadKindsTest {

    /** A periodic diagnostic payload as the SDK 7 writes it: the figure comes after nested objects and arrays. */
    private static final String PERIODIC = """
            {"kind":"diagnostic","id":{"diagnosticId":"d-1","sdkKeySuffix":"abcdef"},"creationDate":1764800000000,
             "dataSinceDate":1764799100000,"streamInits":[{"timestamp":1,"failed":false,"durationMillis":12}],
             "deduplicatedUsers":0,"eventsInLastBatch":40,"droppedEvents":17}
            """;

    /** The init payload has configuration and platform objects and no droppedEvents. */
    private static final String INIT = """
            {"kind":"diagnostic-init","id":{"diagnosticId":"d-1"},"creationDate":1764800000000,
             "configuration":{"eventsCapacity":10000,"droppedEvents":"not the figure"},"platform":{"name":"Java"}}
            """;

    @Test
    void theDroppedFigureOfAPeriodicDiagnosticPayloadIsRead() throws IOException {
        assertThat(PayloadKinds.droppedEvents(bytes(PERIODIC))).isEqualTo(17);
    }

    @Test
    void aPayloadWithoutTheTopLevelFigureGivesZero() throws IOException {
        assertThat(PayloadKinds.droppedEvents(bytes(INIT))).isZero();
        assertThat(PayloadKinds.droppedEvents(bytes("[{\"kind\":\"custom\"}]"))).isZero();
    }

    @Test
    void aPayloadThatIsNotJsonIsAnError() {
        assertThatThrownBy(() -> PayloadKinds.droppedEvents(bytes("{\"droppedEvents\":"))).isInstanceOf(IOException.class);
    }

    @Test
    void onlyCustomIdentifyFeatureDebugAndMigrationEventsAreGated() {
        String events = """
                [{"kind":"custom","key":"a"},{"kind":"summary","features":{"f":{"counters":[]}}},
                 {"kind":"identify","context":{"kind":"user","key":"u"}},{"kind":"index"},{"kind":"feature"}]
                """;
        assertThat(PayloadKinds.gatedEvents(bytes(events))).isEqualTo(3);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
