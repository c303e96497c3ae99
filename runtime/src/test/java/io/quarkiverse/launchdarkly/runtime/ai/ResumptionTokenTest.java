package io.quarkiverse.launchdarkly.runtime.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The resumption token is byte for byte the official SDKs' one. */
class ResumptionTokenTest {

    @Test
    void encodesTheReferenceTestVector() {
        TrackData data = new TrackData("test-run-id", "cfg-key", "var-key", 5, "gpt-4o", "openai", 2, "m", null);
        assertThat(ResumptionToken.encode(data)).isEqualTo(
                "eyJydW5JZCI6InRlc3QtcnVuLWlkIiwiY29uZmlnS2V5IjoiY2ZnLWtleSIsInZhcmlhdGlvbktleSI6InZhci1rZXkiLCJ2ZXJzaW9uIjo1fQ");
    }

    @Test
    void decodesTheReferenceTestVectorWithoutModelOrProvider() {
        TrackData data = ResumptionToken.decode(
                "eyJydW5JZCI6InRlc3QtcnVuLWlkIiwiY29uZmlnS2V5IjoiY2ZnLWtleSIsInZhcmlhdGlvbktleSI6InZhci1rZXkiLCJ2ZXJzaW9uIjo1fQ");
        assertThat(data).isEqualTo(new TrackData("test-run-id", "cfg-key", "var-key", 5, "", "", 1, null, null));
    }

    @Test
    void addsTheGraphKeyLastAndEscapesStrings() {
        TrackData data = new TrackData("r", "k\"ey", "", 1, "", "", 1, null, "graph");
        String json = new String(Base64.getUrlDecoder().decode(ResumptionToken.encode(data)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"runId\":\"r\",\"configKey\":\"k\\\"ey\",\"variationKey\":\"\",\"version\":1,"
                + "\"graphKey\":\"graph\"}");
        assertThat(ResumptionToken.decode(ResumptionToken.encode(data)).graphKey()).isEqualTo("graph");
        assertThat(ResumptionToken.encode(data)).doesNotContain("=", "+", "/");
    }

    @Test
    void writesStringsAsJavaScriptsJsonStringifyDoes() {
        // What JavaScript's JSON.stringify gives for runId "a<b>&='c", configKey "tab\tnl\nbell\x07",
        // variationKey "é🙂" and version 2.
        TrackData data = new TrackData("a<b>&='c", "tab\tnl\nbell\u0007", "é\uD83D\uDE42", 2, "", "", 1, null,
                null);
        String json = new String(Base64.getUrlDecoder().decode(ResumptionToken.encode(data)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"runId\":\"a<b>&='c\",\"configKey\":\"tab\\tnl\\nbell\\u0007\","
                + "\"variationKey\":\"é\uD83D\uDE42\",\"version\":2}");
        // A lone surrogate is escaped rather than sent as an unpaired UTF-16 unit.
        StringBuilder lone = new StringBuilder();
        ResumptionToken.appendString(lone, "x\uD83Dy\uDE42");
        assertThat(lone).hasToString("\"x\\ud83dy\\ude42\"");
        assertThat(ResumptionToken.decode(ResumptionToken.encode(data))).isEqualTo(data);
    }

    @Test
    void refusesWhatIsNotAToken() {
        assertThatThrownBy(() -> ResumptionToken.decode("not a token")).isInstanceOf(IllegalArgumentException.class);
        String noRunId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"configKey\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResumptionToken.decode(noRunId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runId and configKey are required");
    }
}
