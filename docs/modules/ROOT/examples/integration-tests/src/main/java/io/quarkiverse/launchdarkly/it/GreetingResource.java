package io.quarkiverse.launchdarkly.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.launchdarkly.sdk.server.LDClient;

/** The greeting the support desk shows, served by a flag. */
@Path("/greeting")
public class GreetingResource {

    private final LDClient launchDarkly;

    GreetingResource(LDClient launchDarkly) {
        this.launchDarkly = launchDarkly;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String greeting(@HeaderParam("X-Customer") String customer) {
        return launchDarkly.stringVariation("support-desk.greeting", Customers.context(customer, null), "Hello");
    }
}
