package io.quarkiverse.launchdarkly.runtime.registration.api;

import java.time.Duration;

/** Waits between two attempts; a parameter of the client so that tests need not wait for real. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
