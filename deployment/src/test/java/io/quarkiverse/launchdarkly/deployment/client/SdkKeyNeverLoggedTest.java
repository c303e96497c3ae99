package io.quarkiverse.launchdarkly.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.runtime.client.ClientSettings;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With every LaunchDarkly logger at DEBUG and the key refused by the server (so the SDK logs its 401 errors), no log
 * record contains the SDK key.
 */
class SdkKeyNeverLoggedTest {

    static final String KEY = "sdk-0f1e2d3c-never-logged";
    static final URI REFUSING = OutsideStandIn.start("refusing", "sdk-some-other-environment");

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(OutsideStandIn.class))
            .overrideConfigKey("quarkus.launchdarkly.sdk-key", KEY)
            .overrideConfigKey("quarkus.launchdarkly.service-endpoints.relay-proxy", REFUSING.toString())
            .overrideRuntimeConfigKey("quarkus.launchdarkly.start-wait", "1s")
            .overrideConfigKey("quarkus.log.category.\"com.launchdarkly\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse.launchdarkly\".level", "DEBUG")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(records -> {
                assertThat(records).as("log records were captured").isNotEmpty();
                assertThat(records).allSatisfy(record -> assertThat(LogRecordText.of(record)).doesNotContain(KEY));
            })
            .setAfterUndeployListener(() -> OutsideStandIn.stop("refusing"));

    @Inject
    LDClient client;

    @Test
    void theRefusedKeyIsNotLogged() throws InterruptedException {
        client.track("some-event", LDContext.create("user-1"));
        client.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rejectedPayloads() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rejectedPayloads()).as("the stand-in refused the payload").isPositive();
        assertThat(client.isInitialized()).as("the refused stream left the client uninitialized").isFalse();
    }

    @Test
    void noBeanOfTheExtensionPrintsTheKey() {
        // Every bean of the extension (and the SDK client it produces), as it prints itself in a log or a debugger.
        List<String> printed = new ArrayList<>();
        for (InstanceHandle<Object> bean : Arc.container().listAll(Object.class)) {
            List<String> types = bean.getBean().getTypes().stream().map(java.lang.reflect.Type::getTypeName)
                    .filter(name -> name.startsWith("io.quarkiverse.launchdarkly") || name.startsWith("com.launchdarkly"))
                    .toList();
            if (!types.isEmpty()) {
                printed.addAll(types);
                assertThat(String.valueOf(bean.get())).as("toString of the bean %s", types).doesNotContain(KEY);
            }
        }
        assertThat(printed).as("beans checked").contains(ClientSettings.class.getName());
    }

    private static long rejectedPayloads() {
        return LocalLaunchDarkly.connect(REFUSING, () -> {
        }).events().rejectedPayloads();
    }

}
