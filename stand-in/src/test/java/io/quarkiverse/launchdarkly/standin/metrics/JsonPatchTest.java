package io.quarkiverse.launchdarkly.standin.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 6902 behaviour of {@link JsonPatch} (checks of its own, application by Parsson), one rule per test. */
class JsonPatchTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static JsonNode apply(String document, String patch) throws Exception {
        return JsonPatch.apply(json(document), json(patch));
    }

    @Test
    void addsAnObjectMember() throws Exception {
        assertThat(apply("{'a':1}", "[{'op':'add','path':'/b','value':{'c':[1]}}]"))
                .isEqualTo(json("{'a':1,'b':{'c':[1]}}"));
    }

    @Test
    void addReplacesAnExistingMember() throws Exception {
        assertThat(apply("{'a':1}", "[{'op':'add','path':'/a','value':2}]")).isEqualTo(json("{'a':2}"));
    }

    @Test
    void addsIntoArraysByIndexAndAppendsWithDash() throws Exception {
        assertThat(apply("{'t':['b','c']}", "[{'op':'add','path':'/t/0','value':'a'},{'op':'add','path':'/t/-','value':'d'},"
                + "{'op':'add','path':'/t/4','value':'e'}]"))
                .isEqualTo(json("{'t':['a','b','c','d','e']}"));
    }

    @Test
    void rejectsArrayIndexesOutOfBounds() {
        // Parsson reads '/t/01' as index 1, where RFC 6901 forbids leading zeros: a known leniency of the library.
        assertThatThrownBy(() -> apply("{'t':['a']}", "[{'op':'add','path':'/t/2','value':'x'}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> apply("{'t':['a']}", "[{'op':'remove','path':'/t/-'}]"))
                .isInstanceOf(JsonPatchException.class);
    }

    @Test
    void removesMembersAndArrayElements() throws Exception {
        assertThat(apply("{'a':1,'t':['x','y','z']}", "[{'op':'remove','path':'/a'},{'op':'remove','path':'/t/1'}]"))
                .isEqualTo(json("{'t':['x','z']}"));
    }

    @Test
    void removeAndReplaceNeedAnExistingTarget() {
        assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'remove','path':'/b'}]"))
                .isInstanceOf(JsonPatchException.class)
                .hasMessageContaining("Non-existing name/value pair in the object for key b");
        assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'replace','path':'/b','value':1}]"))
                .isInstanceOf(JsonPatchException.class)
                .hasMessageContaining("Non-existing name/value pair in the object for key b");
    }

    @Test
    void addNeedsAnExistingParent() {
        assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'add','path':'/x/y','value':1}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("contains no mapping for the name 'x'");
    }

    @Test
    void replacesNestedValues() throws Exception {
        assertThat(apply("{'eventDefault':{'disabled':false,'value':0}}",
                "[{'op':'replace','path':'/eventDefault/value','value':5}]"))
                .isEqualTo(json("{'eventDefault':{'disabled':false,'value':5}}"));
    }

    @Test
    void movesAndCopies() throws Exception {
        assertThat(apply("{'a':{'b':1},'c':[]}",
                "[{'op':'move','from':'/a/b','path':'/c/-'},{'op':'copy','from':'/c','path':'/d'}]"))
                .isEqualTo(json("{'a':{},'c':[1],'d':[1]}"));
    }

    @Test
    void copiesAreIndependentOfTheirSource() throws Exception {
        JsonNode result = apply("{'a':[1]}", "[{'op':'copy','from':'/a','path':'/b'},{'op':'add','path':'/a/-','value':2}]");
        assertThat(result).isEqualTo(json("{'a':[1,2],'b':[1]}"));
    }

    @Test
    void cannotMoveAValueIntoItsOwnChild() {
        assertThatThrownBy(() -> apply("{'a':{'b':{}}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("is a proper prefix of");
    }

    @Test
    void testComparesNumbersByValueAndObjectsRegardlessOfOrder() throws Exception {
        assertThat(apply("{'v':1,'o':{'x':1,'y':2}}",
                "[{'op':'test','path':'/v','value':1.0},{'op':'test','path':'/o','value':{'y':2,'x':1}}]"))
                .isEqualTo(json("{'v':1,'o':{'x':1,'y':2}}"));
    }

    @Test
    void failedTestRejectsTheWholePatchAndLeavesTheDocumentAlone() throws Exception {
        JsonNode document = json("{'name':'old','_version':1}");
        assertThatThrownBy(() -> JsonPatch.apply(document, json(
                "[{'op':'replace','path':'/name','value':'new'},{'op':'test','path':'/_version','value':2}]")))
                .isInstanceOf(JsonPatchException.class)
                .hasMessageContaining("operation 'test' failed")
                .hasMessageContaining("/_version");
        assertThat(document).isEqualTo(json("{'name':'old','_version':1}"));
    }

    @Test
    void testDistinguishesTypes() {
        assertThatThrownBy(() -> apply("{'v':'1'}", "[{'op':'test','path':'/v','value':1}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("operation 'test' failed");
    }

    @Test
    void unescapesTildeAndSlash() throws Exception {
        assertThat(apply("{'a/b':1,'m~n':2}", "[{'op':'replace','path':'/a~1b','value':3},{'op':'remove','path':'/m~0n'}]"))
                .isEqualTo(json("{'a/b':3}"));
        assertThat(JsonPatch.parsePointer("/a~1b/m~0n/~01")).containsExactly("a/b", "m~n", "~1");
        assertThat(JsonPatch.formatPointer(List.of("a/b", "m~n"))).isEqualTo("/a~1b/m~0n");
    }

    @Test
    void rejectsMalformedPointersAndOperations() {
        assertThatThrownBy(() -> apply("{}", "[{'op':'add','path':'a','value':1}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("must be empty or start with '/'");
        assertThatThrownBy(() -> apply("{}", "[{'op':'add','path':'/a~2','value':1}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("not followed by 0 or 1");
        assertThatThrownBy(() -> apply("{}", "[{'op':'frobnicate','path':'/a'}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("unknown op 'frobnicate'");
        assertThatThrownBy(() -> apply("{}", "[{'op':'add','path':'/a'}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("'value' is required");
        assertThatThrownBy(() -> apply("{}", "[{'op':'move','path':'/a'}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("'from' is required");
        assertThatThrownBy(() -> apply("{}", "[{'path':'/a','value':1}]"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("'op' is required");
        assertThatThrownBy(() -> apply("{}", "{'op':'add','path':'/a','value':1}"))
                .isInstanceOf(JsonPatchException.class).hasMessageContaining("must be an array");
    }

    @Test
    void anExplicitNullIsAValue() throws Exception {
        assertThat(apply("{}", "[{'op':'add','path':'/a','value':null}]")).isEqualTo(json("{'a':null}"));
    }

    @Test
    void replacingTheRootReplacesTheDocument() throws Exception {
        assertThat(apply("{'a':1}", "[{'op':'replace','path':'','value':[1]}]")).isEqualTo(json("[1]"));
    }
}
