package io.quarkiverse.launchdarkly.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line of {@code java -jar}. */
class StandInMainTest {

    @Test
    void optionsConfigureTheStandIn() {
        LaunchDarklyStandIn standIn = StandInMain.parse(new String[] { "--flags", "flags.yaml", "--port", "0",
                "--sdk-key", "sdk-ci", "--writer-token", "api-w", "--reader-token", "api-r", "--journal-capacity", "9" });
        assertThat(standIn.flagsFile()).contains(Path.of("flags.yaml"));
        assertThat(standIn.sdkKey()).isEqualTo("sdk-ci");
        assertThat(standIn.writerApiToken()).isEqualTo("api-w");
        assertThat(standIn.readerApiToken()).isEqualTo("api-r");
        assertThat(standIn.events().capacity()).isEqualTo(9);
    }

    @Test
    void helpAsksForNoStandIn() {
        assertThat(StandInMain.parse(new String[] { "--help" })).isNull();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> StandInMain.parse(new String[] { "--port", "70000" }))
                .hasMessageContaining("--port must be between 0 and 65535");
        assertThatThrownBy(() -> StandInMain.parse(new String[] { "--port" })).hasMessageContaining("Missing the value");
        assertThatThrownBy(() -> StandInMain.parse(new String[] { "--colour", "red" }))
                .hasMessageContaining("Unknown option --colour");
    }
}
