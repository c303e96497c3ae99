package io.quarkiverse.launchdarkly.deployment.events;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.quarkiverse.launchdarkly.runtime.events.DeliveryCounters;
import io.vertx.ext.web.Router;

/** The application of {@link EventDeliverySpoolDirectoryTest}: tracks events and shows the delivery counters. */
public class SpoolProbe {

    static final String VERSION = "code-v1";

    @Inject
    LDClient client;

    @Inject
    DeliveryCounters counters;

    @ConfigProperty(name = "quarkus.launchdarkly.stand-in.url")
    String standIn;

    void routes(@Observes Router router) {
        router.get("/spool/version").handler(rc -> rc.end(VERSION));
        router.get("/spool/stand-in").handler(rc -> rc.end(standIn));
        router.post("/spool/track").blockingHandler(rc -> {
            int count = Integer.parseInt(rc.request().getParam("count"));
            for (int i = 0; i < count; i++) {
                client.track("spooled.event", LDContext.create("spool-user"));
            }
            client.flush();
            rc.end();
        });
        router.get("/spool/counters").handler(rc -> rc.end("{\"waiting\":" + counters.spooledEvents()
                + ",\"restored\":" + counters.eventsRestored() + ",\"lost\":" + counters.lostEvents()
                + ",\"delivered\":" + counters.eventsDelivered() + "}"));
    }
}
