package io.quarkiverse.launchdarkly.standin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.launchdarkly.standin.http.LocalRequest;
import io.quarkiverse.launchdarkly.standin.http.LocalResponse;

/** The metrics REST API stand-in, called directly as the HTTP server would call it. */
class MetricsApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WRITER = "api-0f3c-writer-token-secret";
    static final String READER = "api-9a1b-reader-token-secret";
    static final long START = Instant.parse("2026-03-25T10:00:00Z").toEpochMilli();
    static final String CONVERSION = "{'key':'checkout','kind':'custom','eventKey':'Order placed','isNumeric':false}";
    static final String NUMERIC = "{'key':'latency','name':'Latency','kind':'custom','eventKey':'request','isNumeric':true,"
            + "'unit':'milliseconds','successCriteria':'LowerThanBaseline','tags':['perf']}";

    final MutableClock clock = new MutableClock(START);
    final List<String> responseBodies = new ArrayList<>();
    MetricsApi api;

    @BeforeEach
    void setUp() {
        api = new MetricsApi(clock);
        api.registerToken(WRITER, ApiRole.WRITER);
        api.registerToken(READER, ApiRole.READER);
    }

    @AfterEach
    void noResponseEverContainedAToken() {
        for (String body : responseBodies) {
            assertThat(body).doesNotContain(WRITER).doesNotContain(READER);
        }
    }

    // ---- routes ----

    @Test
    void createsACustomConversionMetric() throws Exception {
        LocalResponse response = send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        JsonNode metric = json(response);
        assertThat(metric.get("key").asText()).isEqualTo("checkout");
        assertThat(metric.get("name").asText()).isEqualTo("checkout");
        assertThat(metric.get("kind").asText()).isEqualTo("custom");
        assertThat(metric.get("eventKey").asText()).isEqualTo("Order placed");
        assertThat(metric.get("isNumeric").asBoolean(true)).isFalse();
        assertThat(metric.get("_id").asText()).matches("[0-9a-f]{24}");
        assertThat(metric.get("_versionId").asText()).isNotBlank();
        assertThat(metric.get("_version").asInt()).isEqualTo(1);
        assertThat(metric.get("_creationDate").asLong()).isEqualTo(START);
        assertThat(metric.get("tags").isArray()).isTrue();
        assertThat(metric.get("tags")).isEmpty();
        assertThat(metric.at("/dataSource/key").asText()).isNotBlank();
        assertThat(metric.at("/_links/self/href").asText()).isEqualTo("/api/v2/metrics/shop/checkout");
        assertThat(metric.at("/_links/self/type").asText()).isEqualTo("application/json");
        assertThat(metric.at("/_links/parent/href").asText()).isEqualTo("/api/v2/metrics/shop");
        assertThat(metric.has("experimentCount")).isFalse();
        assertThat(api.metrics("shop")).hasSize(1);
    }

    @Test
    void createsANumericMetricAndGetsItBack() throws Exception {
        JsonNode created = json(send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC));

        LocalResponse response = send("GET", "/api/v2/metrics/shop/latency", WRITER, null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode metric = json(response);
        assertThat(metric).isEqualTo(created);
        assertThat(metric.get("unit").asText()).isEqualTo("milliseconds");
        assertThat(metric.get("successCriteria").asText()).isEqualTo("LowerThanBaseline");
        assertThat(metric.get("isNumeric").asBoolean()).isTrue();
        assertThat(metric.get("tags").get(0).asText()).isEqualTo("perf");
    }

    @Test
    void createsClickAndPageviewMetricsWithNumericDefaultFalse() throws Exception {
        LocalResponse click = send("POST", "/api/v2/metrics/shop", WRITER,
                "{'key':'buy-click','kind':'click','selector':'#buy','urls':[{'kind':'substring','substring':'/cart'}]}");
        LocalResponse pageview = send("POST", "/api/v2/metrics/shop", WRITER,
                "{'key':'thanks','kind':'pageview','urls':[{'kind':'exact','url':'https://shop.example/thanks'},"
                        + "{'kind':'regex','pattern':'^https://.*/done$'},{'kind':'canonical','url':'https://shop.example/'}]}");

        assertThat(click.status()).isEqualTo(201);
        assertThat(json(click).get("isNumeric").asBoolean(true)).isFalse();
        assertThat(pageview.status()).isEqualTo(201);
        assertThat(json(pageview).at("/urls/1/pattern").asText()).isEqualTo("^https://.*/done$");
    }

    @Test
    void getExpandsExperimentCountOnRequest() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        JsonNode metric = json(send("GET", "/api/v2/metrics/shop/checkout?expand=experimentCount", WRITER, null));

        assertThat(metric.get("experimentCount").asInt(-1)).isEqualTo(0);
    }

    @Test
    void patchesNameAndUnitAndIncreasesTheVersion() throws Exception {
        JsonNode created = json(send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC));
        clock.advance(5_000);

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/latency", WRITER,
                "[{'op':'replace','path':'/name','value':'Request latency'},{'op':'replace','path':'/unit','value':'seconds'}]");

        assertThat(response.status()).isEqualTo(200);
        JsonNode metric = json(response);
        assertThat(metric.get("name").asText()).isEqualTo("Request latency");
        assertThat(metric.get("unit").asText()).isEqualTo("seconds");
        assertThat(metric.get("_version").asInt()).isEqualTo(2);
        assertThat(metric.get("_versionId").asText()).isNotEqualTo(created.get("_versionId").asText());
        assertThat(metric.get("_id").asText()).isEqualTo(created.get("_id").asText());
        assertThat(metric.get("_creationDate").asLong()).isEqualTo(START);
        assertThat(metric.at("/lastModified/date").asText()).isEqualTo(Instant.ofEpochMilli(START + 5_000).toString());
        assertThat(json(send("GET", "/api/v2/metrics/shop/latency", READER, null)).get("unit").asText()).isEqualTo("seconds");
    }

    @Test
    void patchesNestedPaths() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC.replace("'tags':['perf']",
                "'tags':['perf'],'eventDefault':{'disabled':false,'value':0}"));

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/latency", WRITER,
                "[{'op':'add','path':'/tags/-','value':'api'},{'op':'add','path':'/tags/0','value':'first'},"
                        + "{'op':'replace','path':'/eventDefault/disabled','value':true},"
                        + "{'op':'test','path':'/eventDefault/value','value':0}]");

        assertThat(response.status()).isEqualTo(200);
        JsonNode metric = json(response);
        assertThat(metric.get("tags").toString()).isEqualTo("[\"first\",\"perf\",\"api\"]");
        assertThat(metric.at("/eventDefault/disabled").asBoolean()).isTrue();
        assertThat(metric.get("_version").asInt()).isEqualTo(2);
    }

    @Test
    void patchAcceptsTheCommentEnvelope() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/checkout", WRITER,
                "{'comment':'rename','patch':[{'op':'add','path':'/description','value':'Orders'}]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("description").asText()).isEqualTo("Orders");
    }

    @Test
    void deletesAMetric() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        LocalResponse response = send("DELETE", "/api/v2/metrics/shop/checkout", WRITER, null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(send("GET", "/api/v2/metrics/shop/checkout", WRITER, null).status()).isEqualTo(404);
        assertThat(api.metrics("shop")).isEmpty();
    }

    @Test
    void absentMetricsAnswer404() throws Exception {
        for (LocalResponse response : List.of(
                send("GET", "/api/v2/metrics/shop/nope", WRITER, null),
                send("PATCH", "/api/v2/metrics/shop/nope", WRITER, "[{'op':'replace','path':'/name','value':'x'}]"),
                send("PATCH", "/api/v2/metrics/shop/nope", WRITER, "[]"),
                send("DELETE", "/api/v2/metrics/shop/nope", WRITER, null))) {
            assertThat(response.status()).isEqualTo(404);
            JsonNode error = json(response);
            assertThat(error.get("code").asText()).isEqualTo("not_found");
            assertThat(error.get("message").asText()).contains("nope");
            assertThat(error.get("id").asText()).isNotBlank();
        }
    }

    @Test
    void projectsAreSeparateNamespaces() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        assertThat(send("GET", "/api/v2/metrics/other/checkout", WRITER, null).status()).isEqualTo(404);
        assertThat(json(send("GET", "/api/v2/metrics/other", WRITER, null)).get("totalCount").asInt()).isEqualTo(0);
        assertThat(send("POST", "/api/v2/metrics/other", WRITER, CONVERSION).status()).isEqualTo(201);
    }

    @Test
    void duplicateKeyAnswers409() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        LocalResponse response = send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        assertThat(response.status()).isEqualTo(409);
        JsonNode error = json(response);
        assertThat(error.get("code").asText()).isEqualTo("optimistic_locking_error");
        assertThat(error.get("message").asText()).contains("checkout").contains("already exists");
        assertThat(error.get("id").asText()).isNotBlank();
        assertThat(api.metrics("shop")).hasSize(1);
    }

    @Test
    void otherMethodsAnswer405AndOtherPaths404() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        LocalResponse put = send("PUT", "/api/v2/metrics/shop/checkout", WRITER, CONVERSION);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("Allow", "GET, PATCH, DELETE");
        assertThat(json(put).get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(send("POST", "/api/v2/metrics/shop/checkout", WRITER, CONVERSION).status()).isEqualTo(405);
        assertThat(send("DELETE", "/api/v2/metrics/shop", WRITER, null).status()).isEqualTo(405);

        for (String path : List.of("/api/v2/metrics", "/api/v2/metrics/", "/api/v2/metricsx/shop",
                "/api/v2/metrics/shop/checkout/extra", "/api/v2/metrics//checkout")) {
            LocalResponse response = send("GET", path, WRITER, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(json(response).get("code").asText()).isEqualTo("not_found");
        }
    }

    // ---- authentication and roles ----

    @Test
    void missingUnknownAndBearerTokensAnswer401() throws Exception {
        List<LocalResponse> responses = List.of(
                send("GET", "/api/v2/metrics/shop", null, null),
                send("GET", "/api/v2/metrics/shop", "api-unknown", null),
                send("GET", "/api/v2/metrics/shop", "Bearer " + WRITER, null),
                send("POST", "/api/v2/metrics/shop", "Bearer " + WRITER, CONVERSION));
        for (LocalResponse response : responses) {
            assertThat(response.status()).isEqualTo(401);
            JsonNode error = json(response);
            assertThat(error.get("code").asText()).isEqualTo("unauthorized");
            assertThat(error.get("message").asText()).isEqualTo("Invalid access token");
            assertThat(error.get("id").asText()).isNotBlank();
        }
        assertThat(api.metrics("shop")).isEmpty();
    }

    @Test
    void readerTokensMayReadButNotWrite() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        assertThat(send("GET", "/api/v2/metrics/shop", READER, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/v2/metrics/shop/checkout", READER, null).status()).isEqualTo(200);
        List<LocalResponse> writes = List.of(
                send("POST", "/api/v2/metrics/shop", READER, CONVERSION.replace("checkout", "other")),
                send("PATCH", "/api/v2/metrics/shop/checkout", READER, "[{'op':'replace','path':'/name','value':'x'}]"),
                send("DELETE", "/api/v2/metrics/shop/checkout", READER, null));
        for (LocalResponse response : writes) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(json(response).get("code").asText()).isEqualTo("forbidden");
            assertThat(json(response).get("id").asText()).isNotBlank();
        }
        assertThat(api.metrics("shop")).singleElement()
                .satisfies(metric -> assertThat(metric.get("name").asText()).isEqualTo("checkout"));
    }

    @Test
    void revokedTokensAnswer401() throws Exception {
        assertThat(api.revokeToken(READER)).isTrue();

        assertThat(send("GET", "/api/v2/metrics/shop", READER, null).status()).isEqualTo(401);
    }

    @Test
    void tokensNeverAppearInResponsesLogsOrToString() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);
        send("POST", "/api/v2/metrics/shop", READER, CONVERSION);
        send("GET", "/api/v2/metrics/shop", "Bearer " + WRITER, null);
        send("GET", "/api/v2/metrics/shop?limit=99", WRITER, null);
        send("PUT", "/api/v2/metrics/shop", WRITER, null);

        assertThat(responseBodies).hasSize(5).noneMatch(body -> body.contains(WRITER) || body.contains(READER));
        assertThat(api.toString()).doesNotContain(WRITER).doesNotContain(READER).contains("metrics=1");
        assertThat(api.calls()).hasSize(5)
                .allSatisfy(call -> assertThat(call.toString()).doesNotContain(WRITER).doesNotContain(READER));
        assertThatThrownBy(() -> api.registerToken(" ", ApiRole.WRITER)).hasMessageNotContaining(WRITER);
    }

    // ---- API version header ----

    @Test
    void checksTheApiVersionHeader() throws Exception {
        LocalResponse old = send("GET", "/api/v2/metrics/shop", WRITER, null, "LD-API-Version", "20220603");
        assertThat(old.status()).isEqualTo(400);
        assertThat(json(old).get("code").asText()).isEqualTo("invalid_request");
        assertThat(json(old).get("message").asText()).contains("LD-API-Version").contains("20240415");

        assertThat(send("GET", "/api/v2/metrics/shop", WRITER, null, "LD-API-Version", "20240415").status()).isEqualTo(200);
        assertThat(send("GET", "/api/v2/metrics/shop", WRITER, null, "LD-API-Version", "beta").status()).isEqualTo(200);
        assertThat(send("GET", "/api/v2/metrics/shop", WRITER, null).status()).isEqualTo(200);
    }

    // ---- rate-limit headers ----

    @Test
    void everyAnswerCarriesRateLimitHeaders() throws Exception {
        for (LocalResponse response : List.of(
                send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION),
                send("DELETE", "/api/v2/metrics/shop/checkout", WRITER, null),
                send("GET", "/api/v2/metrics/shop/checkout", WRITER, null),
                send("GET", "/api/v2/metrics/shop", null, null))) {
            assertThat(Long.parseLong(response.headers().get("X-Ratelimit-Global-Remaining"))).isGreaterThan(100);
            assertThat(Long.parseLong(response.headers().get("X-Ratelimit-Route-Remaining"))).isGreaterThan(100);
            assertThat(response.headers()).containsEntry("X-Ratelimit-Reset", Long.toString(START + 10_000));
        }
    }

    // ---- validation ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            not JSON                 | {'key':                                                                        | not valid JSON
            array body               | [1,2]                                                                          | JSON object
            key missing              | {'kind':'custom','eventKey':'e','isNumeric':false}                             | key is required
            key blank                | {'key':' ','kind':'custom','eventKey':'e','isNumeric':false}                   | key must be a non-empty string
            key with space           | {'key':'bad key','kind':'custom','eventKey':'e','isNumeric':false}             | key 'bad key'
            key with leading dash    | {'key':'-bad','kind':'custom','eventKey':'e','isNumeric':false}                | key '-bad'
            kind missing             | {'key':'k','eventKey':'e','isNumeric':false}                                   | kind is required
            kind unknown             | {'key':'k','kind':'scroll'}                                                    | kind must be one of custom, pageview, click
            custom without eventKey  | {'key':'k','kind':'custom','isNumeric':false}                                  | eventKey is required
            custom without isNumeric | {'key':'k','kind':'custom','eventKey':'e'}                                     | isNumeric is required
            isNumeric not boolean    | {'key':'k','kind':'custom','eventKey':'e','isNumeric':'yes'}                   | isNumeric must be a boolean
            numeric without unit     | {'key':'k','kind':'custom','eventKey':'e','isNumeric':true,'successCriteria':'HigherThanBaseline'} | unit is required
            numeric without criteria | {'key':'k','kind':'custom','eventKey':'e','isNumeric':true,'unit':'ms'}         | successCriteria is required
            criteria unknown         | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'successCriteria':'Better'} | successCriteria must be one of
            aggregation unknown      | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'unitAggregationType':'median'} | unitAggregationType must be one of
            analysis type unknown    | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'analysisType':'median'} | analysisType must be one of
            percentile without value | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'analysisType':'percentile'} | percentileValue is required
            percentile above 100     | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'analysisType':'percentile','percentileValue':101} | percentileValue must be an integer between 0 and 100
            percentile not integer   | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'percentileValue':9.5} | percentileValue must be an integer
            click without selector   | {'key':'k','kind':'click','urls':[{'kind':'exact','url':'https://a.example'}]} | selector is required
            click without urls       | {'key':'k','kind':'click','selector':'#b'}                                     | urls is required
            pageview with no urls    | {'key':'k','kind':'pageview','urls':[]}                                        | urls is required
            url kind unknown         | {'key':'k','kind':'pageview','urls':[{'kind':'fuzzy','url':'x'}]}             | urls[0].kind must be one of
            exact url missing        | {'key':'k','kind':'pageview','urls':[{'kind':'exact'}]}                        | urls[0].url is required
            substring missing        | {'key':'k','kind':'pageview','urls':[{'kind':'exact','url':'x'},{'kind':'substring','url':'x'}]} | urls[1].substring is required
            regex pattern missing    | {'key':'k','kind':'pageview','urls':[{'kind':'regex'}]}                        | urls[0].pattern is required
            regex pattern invalid    | {'key':'k','kind':'pageview','urls':[{'kind':'regex','pattern':'('}]}          | urls[0].pattern is not a valid
            url not an object        | {'key':'k','kind':'pageview','urls':['https://a.example']}                     | urls[0] must be an object
            tag not a string         | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'tags':['ok',1]}   | tags[1] must be a non-empty string
            tags not an array        | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'tags':'a'}         | tags must be an array
            tag with space           | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'tags':['a b']}    | tags[0] 'a b' is invalid
            unit not a string        | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'randomizationUnits':[true]} | randomizationUnits[0] must be a non-empty string
            alias not a string       | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'analysisUnits':[3]} | analysisUnits[0] must be a non-empty string
            alias and name differ    | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'analysisUnits':['user'],'randomizationUnits':['org']} | analysisUnits and randomizationUnits
            unknown field            | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'colour':'red'}    | Unknown field 'colour'
            read-only field          | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'_id':'abc'}       | Field '_id' is read-only
            numeric pageview         | {'key':'k','kind':'pageview','isNumeric':true,'urls':[{'kind':'exact','url':'x'}]} | isNumeric can only be true for custom metrics
            event default not number | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'eventDefault':{'value':'x'}} | eventDefault.value must be a number
            filters on pageview      | {'key':'k','kind':'pageview','urls':[{'kind':'exact','url':'x'}],'filters':{'type':'group','op':'and','values':[],'negate':false}} | filters is only supported for custom metrics
            name not a string        | {'key':'k','kind':'custom','eventKey':'e','isNumeric':false,'name':7}          | name must be a string
            """)
    void rejectsInvalidCreateBodies(String rule, String body, String message) throws Exception {
        LocalResponse response = send("POST", "/api/v2/metrics/shop", WRITER, body);

        assertThat(response.status()).as(rule).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("code").asText()).isEqualTo("invalid_request");
        assertThat(error.get("message").asText()).as(rule).contains(message);
        assertThat(error.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(api.metrics("shop")).isEmpty();
    }

    @Test
    void rejectsAnEmptyBody() throws Exception {
        LocalResponse response = send("POST", "/api/v2/metrics/shop", WRITER, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("body is required");
    }

    @Test
    void acceptsExplicitNullsForOptionalFields() throws Exception {
        LocalResponse response = send("POST", "/api/v2/metrics/shop", WRITER,
                CONVERSION.replace("}", ",'description':null,'maintainerId':null}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(json(response).has("description")).isFalse();
    }

    // ---- analysisUnits alias ----

    @Test
    void acceptsAnalysisUnitsAndAnswersBothNames() throws Exception {
        LocalResponse created = send("POST", "/api/v2/metrics/shop", WRITER,
                CONVERSION.replace("}", ",'analysisUnits':['user','org']}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(json(created).get("randomizationUnits").toString()).isEqualTo("[\"user\",\"org\"]");
        assertThat(json(created).get("analysisUnits").toString()).isEqualTo("[\"user\",\"org\"]");

        LocalResponse patched = send("PATCH", "/api/v2/metrics/shop/checkout", WRITER,
                "[{'op':'test','path':'/analysisUnits/1','value':'org'},{'op':'replace','path':'/analysisUnits','value':['device']}]");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(json(patched).get("randomizationUnits").toString()).isEqualTo("[\"device\"]");
        assertThat(json(patched).get("analysisUnits").toString()).isEqualTo("[\"device\"]");
    }

    @Test
    void answersAnalysisUnitsForMetricsCreatedWithRandomizationUnits() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("}", ",'randomizationUnits':['user']}"));

        JsonNode metric = json(send("GET", "/api/v2/metrics/shop/checkout", WRITER, null));

        assertThat(metric.get("analysisUnits").toString()).isEqualTo("[\"user\"]");
        assertThat(metric.get("randomizationUnits").toString()).isEqualTo("[\"user\"]");
    }

    // ---- patch failures ----

    @Test
    void failingTestOperationRejectsThePatch() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC);

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/latency", WRITER,
                "[{'op':'test','path':'/_version','value':3},{'op':'replace','path':'/name','value':'Changed'}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("invalid_request");
        assertThat(json(response).get("message").asText()).contains("operation 'test' failed").contains("/_version");
        ObjectNode stored = api.metric("shop", "latency").orElseThrow();
        assertThat(stored.get("name").asText()).isEqualTo("Latency");
        assertThat(stored.get("_version").asInt()).isEqualTo(1);
    }

    @Test
    void passingTestOnTheVersionAllowsOptimisticUpdates() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC);

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/latency", WRITER,
                "[{'op':'test','path':'/_version','value':1},{'op':'replace','path':'/name','value':'Changed'}]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("_version").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            replace _id             | [{'op':'replace','path':'/_id','value':'aaaaaaaaaaaaaaaaaaaaaaaa'}] | '/_id' is read-only
            remove _links           | [{'op':'remove','path':'/_links'}]                                  | '/_links' is read-only
            nested underscore       | [{'op':'replace','path':'/dataSource/_name','value':'x'}]           | '/dataSource/_name' is read-only
            replace key             | [{'op':'replace','path':'/key','value':'other'}]                    | '/key' is read-only
            move from _version      | [{'op':'move','from':'/_version','path':'/description'}]            | '/_version' is read-only
            replace isActive        | [{'op':'replace','path':'/isActive','value':false}]                 | '/isActive' is read-only
            replace whole metric    | [{'op':'replace','path':'','value':{}}]                             | whole metric
            invalid result kind     | [{'op':'replace','path':'/kind','value':'scroll'}]                  | kind must be one of
            remove required unit    | [{'op':'remove','path':'/unit'}]                                    | unit is required
            remove eventKey         | [{'op':'remove','path':'/eventKey'}]                                | eventKey is required
            add unknown field       | [{'op':'add','path':'/colour','value':'red'}]                       | Unknown field 'colour'
            bad tag added           | [{'op':'add','path':'/tags/-','value':5}]                           | tags[1] must be a non-empty string
            missing target          | [{'op':'replace','path':'/description','value':'x'}]                | Non-existing name/value pair in the object for key description
            unknown op              | [{'op':'frobnicate','path':'/name'}]                                | unknown op 'frobnicate'
            missing value           | [{'op':'replace','path':'/name'}]                                   | 'value' is required
            not an array            | {'op':'replace','path':'/name','value':'x'}                         | must be an array
            empty patch             | []                                                                  | at least one operation
            not JSON                | [{'op':                                                             | not valid JSON
            semantic patch          | {'instructions':[{'kind':'updateName','value':'x'}]}                | semantic patch
            """)
    void rejectsInvalidPatches(String rule, String patch, String message) throws Exception {
        JsonNode created = json(send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC));

        LocalResponse response = send("PATCH", "/api/v2/metrics/shop/latency", WRITER, patch);

        assertThat(response.status()).as(rule).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("invalid_request");
        assertThat(json(response).get("message").asText()).as(rule).contains(message);
        assertThat(api.metric("shop", "latency").orElseThrow()).isEqualTo(created);
    }

    // ---- list ----

    @Test
    void paginatesFortyFiveMetricsTwentyAtATime() throws Exception {
        for (int i = 0; i < 45; i++) {
            assertThat(send("POST", "/api/v2/metrics/shop", WRITER,
                    CONVERSION.replace("checkout", String.format("m%02d", i))).status()).isEqualTo(201);
        }

        JsonNode first = json(send("GET", "/api/v2/metrics/shop?limit=20", READER, null));
        assertThat(first.get("totalCount").asInt()).isEqualTo(45);
        assertThat(first.get("items")).hasSize(20);
        assertThat(first.at("/items/0/key").asText()).isEqualTo("m00");
        assertThat(first.at("/_links/self/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=0");
        assertThat(first.at("/_links/self/type").asText()).isEqualTo("application/json");
        assertThat(first.at("/_links/first/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=0");
        assertThat(first.at("/_links/last/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=40");
        assertThat(first.at("/_links/next/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=20");
        assertThat(first.get("_links").has("prev")).isFalse();

        JsonNode second = json(send("GET", "/api/v2/metrics/shop?limit=20&offset=20", READER, null));
        assertThat(second.get("items")).hasSize(20);
        assertThat(second.at("/items/0/key").asText()).isEqualTo("m20");
        assertThat(second.at("/_links/prev/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=0");
        assertThat(second.at("/_links/next/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=40");

        JsonNode last = json(send("GET", "/api/v2/metrics/shop?limit=20&offset=40", READER, null));
        assertThat(last.get("items")).hasSize(5);
        assertThat(last.at("/items/4/key").asText()).isEqualTo("m44");
        assertThat(last.get("totalCount").asInt()).isEqualTo(45);
        assertThat(last.get("_links").has("next")).isFalse();
        assertThat(last.at("/_links/prev/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=20");
        assertThat(last.at("/_links/self/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=40");
    }

    @Test
    void listDefaultsToTwentyAndAllowsFifty() throws Exception {
        for (int i = 0; i < 55; i++) {
            send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "m" + i));
        }

        JsonNode defaults = json(send("GET", "/api/v2/metrics/shop", WRITER, null));
        assertThat(defaults.get("items")).hasSize(20);
        assertThat(defaults.at("/_links/self/href").asText()).isEqualTo("/api/v2/metrics/shop?limit=20&offset=0");
        assertThat(json(send("GET", "/api/v2/metrics/shop?limit=50", WRITER, null)).get("items")).hasSize(50);
    }

    @Test
    void emptyProjectListsNothing() throws Exception {
        JsonNode page = json(send("GET", "/api/v2/metrics/empty", WRITER, null));

        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("totalCount").asInt()).isEqualTo(0);
        assertThat(page.at("/_links/last/href").asText()).isEqualTo("/api/v2/metrics/empty?limit=20&offset=0");
        assertThat(page.get("_links").has("next")).isFalse();
        assertThat(page.get("_links").has("prev")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            limit=51   | limit must be between 1 and 50
            limit=0    | limit must be between 1 and 50
            limit=ten  | limit must be an integer
            offset=-1  | offset must not be negative
            sort=color | sort must be createdAt or name
            """)
    void rejectsInvalidListParameters(String query, String message) throws Exception {
        LocalResponse response = send("GET", "/api/v2/metrics/shop?" + query, WRITER, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains(message);
    }

    @Test
    void filtersByTagsRequiringAllListedTags() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "both").replace("}", ",'tags':['x','y']}"));
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "only-x").replace("}", ",'tags':['x']}"));
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "none"));

        JsonNode both = json(send("GET", "/api/v2/metrics/shop?filter=" + encode("tags contains [\"x\",\"y\"]"), WRITER, null));
        JsonNode x = json(send("GET", "/api/v2/metrics/shop?filter=" + encode("tags contains [\"x\"]"), WRITER, null));

        assertThat(keys(both)).containsExactly("both");
        assertThat(both.get("totalCount").asInt()).isEqualTo(1);
        assertThat(keys(x)).containsExactly("both", "only-x");
        assertThat(x.at("/_links/self/href").asText())
                .isEqualTo("/api/v2/metrics/shop?limit=20&offset=0&filter=tags%20contains%20%5B%22x%22%5D");
    }

    @Test
    void combinesFiltersAndRejectsUnknownOnes() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC);
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("}", ",'tags':['perf']}"));

        JsonNode numericPerf = json(send("GET", "/api/v2/metrics/shop?filter="
                + encode("tags contains [\"perf\"],isNumeric equals true"), WRITER, null));
        JsonNode query = json(send("GET", "/api/v2/metrics/shop?filter=" + encode("query equals LATEN"), WRITER, null));
        LocalResponse unknown = send("GET", "/api/v2/metrics/shop?filter=" + encode("colour equals red"), WRITER, null);
        LocalResponse wrongOperator = send("GET", "/api/v2/metrics/shop?filter=" + encode("tags equals x"), WRITER, null);

        assertThat(keys(numericPerf)).containsExactly("latency");
        assertThat(keys(query)).containsExactly("latency");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json(unknown).get("message").asText()).contains("colour");
        assertThat(wrongOperator.status()).isEqualTo(400);
        assertThat(json(wrongOperator).get("message").asText()).contains("tags").contains("contains");
    }

    @Test
    void sortsByNameAndCreationDate() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "b"));
        clock.advance(1_000);
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "c"));
        clock.advance(1_000);
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION.replace("checkout", "a"));

        assertThat(keys(json(send("GET", "/api/v2/metrics/shop?sort=name", WRITER, null)))).containsExactly("a", "b", "c");
        assertThat(keys(json(send("GET", "/api/v2/metrics/shop?sort=-name", WRITER, null)))).containsExactly("c", "b", "a");
        assertThat(keys(json(send("GET", "/api/v2/metrics/shop?sort=-createdAt", WRITER, null)))).containsExactly("a", "c",
                "b");
        assertThat(keys(json(send("GET", "/api/v2/metrics/shop?sort=createdAt", WRITER, null)))).containsExactly("b", "c", "a");
    }

    // ---- call log, seeding, reset ----

    @Test
    void recordsThePatchBodyAndHeadersButNotTheToken() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, NUMERIC);
        String patch = "[{'op':'replace','path':'/name','value':'New'},{'op':'replace','path':'/unit','value':'s'}]"
                .replace('\'', '"');

        send("PATCH", "/api/v2/metrics/shop/latency", WRITER, patch, "User-Agent", "quarkus-launchdarkly/1.2.3",
                "LD-API-Version", "20240415", "Content-Type", "application/json");

        List<RecordedApiCall> patches = api.calls().stream().filter(call -> call.method().equals("PATCH")).toList();
        assertThat(patches).hasSize(1);
        RecordedApiCall call = patches.get(0);
        assertThat(call.path()).isEqualTo("/api/v2/metrics/shop/latency");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.requestBody()).isEqualTo(patch);
        assertThat(call.requestJson()).hasSize(2);
        assertThat(call.requestJson().at("/1/path").asText()).isEqualTo("/unit");
        assertThat(call.userAgent()).isEqualTo("quarkus-launchdarkly/1.2.3");
        assertThat(call.apiVersion()).isEqualTo("20240415");
        assertThat(call.contentType()).isEqualTo("application/json");
        assertThat(call.isWrite()).isTrue();
        assertThat(api.lastCall()).contains(call);
        assertThat(call.toString()).doesNotContain(WRITER);
    }

    @Test
    void recordsReadsAndFailedCallsWithTheirQuery() throws Exception {
        send("GET", "/api/v2/metrics/shop?limit=5&filter=" + encode("tags contains [\"a\"]"), READER, null);
        send("GET", "/api/v2/metrics/shop", "nope", null);

        List<RecordedApiCall> calls = api.calls();
        assertThat(calls).hasSize(2).noneMatch(RecordedApiCall::isWrite);
        assertThat(calls.get(0).queryParam("limit")).isEqualTo("5");
        assertThat(calls.get(0).queryParam("filter")).isEqualTo("tags contains [\"a\"]");
        assertThat(calls.get(0).status()).isEqualTo(200);
        assertThat(calls.get(1).status()).isEqualTo(401);
        assertThat(calls.get(1).userAgent()).isNull();
    }

    @Test
    void keepsTheLastTwoHundredCalls() throws Exception {
        for (int i = 0; i < 205; i++) {
            send("GET", "/api/v2/metrics/shop?offset=" + i, WRITER, null);
        }

        List<RecordedApiCall> calls = api.calls();
        assertThat(calls).hasSize(MetricsApi.CALL_LOG_CAPACITY);
        assertThat(calls.get(0).queryParam("offset")).isEqualTo("5");
        assertThat(calls.get(199).queryParam("offset")).isEqualTo("204");
    }

    @Test
    void seedsMetricsThatKeepTheirFieldsAndCanBePatched() throws Exception {
        ObjectNode seeded = api.put("shop", "{'key':'managed','kind':'custom','eventKey':'e','isNumeric':false,"
                .replace('\'', '"') + "\"tags\":[\"managed-by-quarkus\"],\"_version\":7,\"category\":\"Custom\"}");

        assertThat(seeded.get("_version").asInt()).isEqualTo(7);
        assertThat(seeded.get("_id").asText()).matches("[0-9a-f]{24}");
        JsonNode read = json(send("GET", "/api/v2/metrics/shop/managed", READER, null));
        assertThat(read.get("tags").get(0).asText()).isEqualTo("managed-by-quarkus");
        assertThat(read.get("category").asText()).isEqualTo("Custom");

        LocalResponse patched = send("PATCH", "/api/v2/metrics/shop/managed", WRITER,
                "[{'op':'replace','path':'/name','value':'Managed'}]");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(json(patched).get("_version").asInt()).isEqualTo(8);
        assertThat(json(patched).get("category").asText()).isEqualTo("Custom");
        assertThat(api.calls()).filteredOn(RecordedApiCall::isWrite).hasSize(1);
    }

    @Test
    void seedingRejectsMetricsWithoutUsableKeyOrKind() {
        assertThatThrownBy(() -> api.put("shop", "{\"kind\":\"custom\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> api.put("shop", "{\"key\":\"k\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> api.put("shop", "[")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsMetricsAndCallsButKeepsTokens() throws Exception {
        send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION);

        api.reset();

        assertThat(api.metrics("shop")).isEmpty();
        assertThat(api.calls()).isEmpty();
        assertThat(send("GET", "/api/v2/metrics/shop/checkout", READER, null).status()).isEqualTo(404);
        assertThat(send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION).status()).isEqualTo(201);
    }

    @Test
    void concurrentCreatesOfOneKeyLeaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LocalResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> send("POST", "/api/v2/metrics/shop", WRITER, CONVERSION)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<LocalResponse> answer : answers) {
                statuses.add(answer.get(10, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.metrics("shop")).hasSize(1);
    }

    // ---- helpers ----

    /** Sends a request; single quotes in the body stand for double quotes, to keep JSON literals readable. */
    LocalResponse send(String method, String pathAndQuery, String token, String body, String... headerPairs) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("authorization", List.of(token));
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(), List.of(headerPairs[i + 1]));
        }
        byte[] bytes = body == null ? new byte[0] : body.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        LocalResponse response = api.handle(new LocalRequest(method, path, query, headers, bytes));
        synchronized (responseBodies) {
            responseBodies.add(new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    static JsonNode json(LocalResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("key").asText()));
        return keys;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {

        private final AtomicLong millis;

        MutableClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        void advance(long delta) {
            millis.addAndGet(delta);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }
}
