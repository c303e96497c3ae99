package io.quarkiverse.launchdarkly.startup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The first response the startup measurement waits for. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
