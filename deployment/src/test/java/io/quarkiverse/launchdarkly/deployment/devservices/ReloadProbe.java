package io.quarkiverse.launchdarkly.deployment.devservices;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The application of {@link DevServiceLiveReloadTest}: which version of its code runs, which instance of it (a new one
 * after a restart), where its stand-in is, the value of a flag, and a way to track and deliver an event.
 */
public class ReloadProbe {

    static final String VERSION = "code-v1";
    static final String INSTANCE = UUID.randomUUID().toString();

    @Inject
    LDClient client;

    @ConfigProperty(name = "quarkus.launchdarkly.stand-in.url")
    String standIn;

    void routes(@jakarta.enterprise.event.Observes Router router, Vertx vertx) {
        router.get("/probe/version").handler(rc -> rc.end(VERSION));
        router.get("/probe/instance").handler(rc -> rc.end(INSTANCE));
        router.get("/probe/stand-in").handler(rc -> rc.end(standIn));
        router.get("/probe/flag").blockingHandler(
                rc -> rc.end(client.stringVariation("banner", LDContext.create("reload-user"), "none")));
        router.post("/probe/track").blockingHandler(rc -> {
            client.track("reload.probe", LDContext.create("reload-user"));
            client.flush();
            rc.end();
        });
    }
}
