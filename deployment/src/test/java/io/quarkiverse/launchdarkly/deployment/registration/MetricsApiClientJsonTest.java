package io.quarkiverse.launchdarkly.deployment.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.launchdarkly.registration.EventDefault;
import io.quarkiverse.launchdarkly.registration.MetricPost;
import io.quarkiverse.launchdarkly.registration.MetricRep;
import io.quarkiverse.launchdarkly.registration.MetricUrl;
import io.quarkiverse.launchdarkly.registration.PatchOperation;
import io.quarkiverse.launchdarkly.runtime.registration.api.MetricPage;

/**
 * The DTOs against the wire format of LaunchDarkly's OpenAPI document ({@code MetricPost}, {@code MetricRep},
 * {@code MetricCollectionRep}, {@code PatchOperation}), with a plain {@code ObjectMapper}: the field names come from
 * the annotations, not from the mapper's settings.
 */
class MetricsApiClientJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metricPostWritesTheWireNamesAndLeavesUnsetFieldsOut() throws Exception {
        MetricPost post = MetricPost.numeric("search.latency", "search.latency", "milliseconds", "LowerThanBaseline")
                .name("Search latency").description("p95").unitAggregationType("average").analysisType("percentile")
                .percentileValue(95).randomizationUnits("user").eventDefault(EventDefault.ofValue(0)).tags("a", "b")
                .maintainerId("569fdeadbeef1644facecafe").build();

        JsonNode json = JSON.readTree(JSON.writeValueAsString(post));

        assertThat(json).isEqualTo(JSON.readTree("""
                {"key":"search.latency","name":"Search latency","description":"p95","kind":"custom",
                 "eventKey":"search.latency","isNumeric":true,"unit":"milliseconds","successCriteria":"LowerThanBaseline",
                 "unitAggregationType":"average","analysisType":"percentile","percentileValue":95,
                 "randomizationUnits":["user"],"eventDefault":{"disabled":false,"value":0.0},"tags":["a","b"],
                 "maintainerId":"569fdeadbeef1644facecafe"}
                """));
    }

    @Test
    void clickMetricWritesSelectorAndUrlsByKind() throws Exception {
        MetricPost post = MetricPost.builder("cta", MetricPost.KIND_CLICK).selector(".buy")
                .urls(MetricUrl.exact("https://example.com/a"), MetricUrl.substring("/shop"), MetricUrl.regex(".*/p/\\d+"),
                        MetricUrl.canonical("https://example.com/c"))
                .build();

        assertThat(JSON.readTree(JSON.writeValueAsString(post))).isEqualTo(JSON.readTree("""
                {"key":"cta","kind":"click","selector":".buy","urls":[
                  {"kind":"exact","url":"https://example.com/a"},{"kind":"substring","substring":"/shop"},
                  {"kind":"regex","pattern":".*/p/\\\\d+"},{"kind":"canonical","url":"https://example.com/c"}]}
                """));
        assertThat(post.toBuilder().name("CTA").build()).isEqualTo(
                new MetricPost("cta", "CTA", null, "click", null, null, null, null, null, null, null, null, null, null,
                        null, ".buy", post.urls()));
    }

    @Test
    void metricRepReadsReadOnlyFieldsAndIgnoresUnknownOnes() throws Exception {
        MetricRep rep = JSON.readValue("""
                {"_id":"5902deadbeef667524a01290","_versionId":"v-1","_version":3,"_creationDate":1628192791148,
                 "_links":{"self":{"href":"/api/v2/metrics/p/k","type":"application/json"}},
                 "key":"k","name":"K","kind":"custom","eventKey":"e","isNumeric":false,"tags":["x"],
                 "randomizationUnits":["user"],"eventDefault":{"disabled":true},
                 "dataSource":{"key":"launchdarkly"},"experimentCount":2,"_site":{"href":"/x"},"somethingNew":[1,2]}
                """, MetricRep.class);

        assertThat(rep.id()).isEqualTo("5902deadbeef667524a01290");
        assertThat(rep.versionId()).isEqualTo("v-1");
        assertThat(rep.version()).isEqualTo(3L);
        assertThat(rep.creationDate()).isEqualTo(1628192791148L);
        assertThat(rep.links().get("self").href()).isEqualTo("/api/v2/metrics/p/k");
        assertThat(rep.isNumeric()).isFalse();
        assertThat(rep.randomizationUnits()).containsExactly("user");
        assertThat(rep.eventDefault()).isEqualTo(new EventDefault(true, null));
        assertThat(rep.hasTag("x")).isTrue();
        assertThat(rep.toPost().key()).isEqualTo("k");
    }

    @Test
    void analysisUnitsOfNewerApiVersionsAreReadAsRandomizationUnits() throws Exception {
        MetricRep rep = JSON.readValue("{\"key\":\"k\",\"kind\":\"custom\",\"analysisUnits\":[\"account\"]}",
                MetricRep.class);
        assertThat(rep.randomizationUnits()).containsExactly("account");

        MetricRep both = JSON.readValue("""
                {"key":"k","kind":"custom","randomizationUnits":["user"],"analysisUnits":["user"]}
                """, MetricRep.class);
        assertThat(both.randomizationUnits()).containsExactly("user");
        // Written back under the name of API version 20240415 only.
        assertThat(JSON.readTree(JSON.writeValueAsString(both.toPost())).has("analysisUnits")).isFalse();
    }

    @Test
    void metricPageReadsItemsTotalAndLinks() throws Exception {
        MetricPage page = JSON.readValue("""
                {"items":[{"key":"a","kind":"custom"}],"totalCount":51,
                 "_links":{"next":{"href":"/api/v2/metrics/p?limit=50&offset=50","type":"application/json"}}}
                """, MetricPage.class);
        assertThat(page.items()).extracting(MetricRep::key).containsExactly("a");
        assertThat(page.totalCount()).isEqualTo(51);
        assertThat(page.hasNextLink()).isTrue();
    }

    @Test
    void patchOperationsFollowRfc6902() throws Exception {
        List<PatchOperation> patch = List.of(PatchOperation.replace("/name", "New"),
                PatchOperation.add("/tags/-", "t"), PatchOperation.remove("/description"),
                PatchOperation.replace("/unit", null),
                PatchOperation.replace(PatchOperation.pointer("a/b~c"), EventDefault.ofDisabled()));

        assertThat(JSON.readTree(JSON.writeValueAsString(patch))).isEqualTo(JSON.readTree("""
                [{"op":"replace","path":"/name","value":"New"},{"op":"add","path":"/tags/-","value":"t"},
                 {"op":"remove","path":"/description"},{"op":"replace","path":"/unit","value":null},
                 {"op":"replace","path":"/a~1b~0c","value":{"disabled":true}}]
                """));
    }
}
