package io.quarkiverse.launchdarkly.deployment.events;

import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.WAIT;
import static io.quarkiverse.launchdarkly.deployment.events.DeliveryTestSupport.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.deployment.testing.LogRecordText;
import io.quarkiverse.launchdarkly.fault.Fault;
import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.quarkiverse.launchdarkly.test.LocalLaunchDarkly;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Shutdown during an outage without a spool directory: the drain ends within {@code shutdown-timeout}, and the events
 * still waiting are counted and logged as lost, with the setting that would have kept them.
 */
class EventDeliveryShutdownLossTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(DeliveryTestSupport.class, LogRecordText.class)
                    .addAsResource(new StringAsset(DeliveryTestSupport.FAST_RETRIES
                            + "quarkus.launchdarkly.events.flush-interval=1h\n"
                            + "quarkus.launchdarkly.shutdown-timeout=1s\n"), "application.properties"))
            .setAfterUndeployListener(EventDeliveryShutdownLossTest::theLossWasLogged);

    /** The shutdown log line, handed from the application's log manager to the test after the application stopped. */
    static final String LOGGED_PROPERTY = "quarkus-launchdarkly.test.shutdown-loss.logged";

    @Inject
    LDClient client;

    @Inject
    LocalLaunchDarkly local;

    @Inject
    DeliveryCounters counters;

    @Test
    void whatIsLeftIsCountedAndLogged() {
        System.clearProperty(LOGGED_PROPERTY);
        Logger.getLogger("io.quarkiverse.launchdarkly.runtime.events").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = LogRecordText.of(record);
                if (line.contains("shutdown timeout")) {
                    System.setProperty(LOGGED_PROPERTY, line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        DeliveryTestSupport.warmUp(local, client);
        // The Dev Service's stand-in stops with this application, fault included.
        local.faults().inject(Fault.on("POST", "/bulk").status(503).always());
        track(client, "left.at.shutdown", 13);
        client.flush();
        await().atMost(WAIT).until(() -> counters.spooledEvents() == 13);
    }

    static void theLossWasLogged() {
        assertThat(System.clearProperty(LOGGED_PROPERTY)).isNotNull()
                .contains("13 LaunchDarkly event(s) in 1 payload(s) were not delivered within the shutdown timeout")
                .contains("are lost").contains("quarkus.launchdarkly.events.spool-directory")
                .contains("lost 13 (shutdown 13)");
    }
}
