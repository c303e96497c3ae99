package io.quarkiverse.launchdarkly.benchmarks;

/**
 * The uber-jar's main class ({@code quarkus.package.main-class}): hands over to JMH. Quarkus is not started here but
 * inside each JMH fork, by {@link QuarkusApp}. A class of this module rather than {@code org.openjdk.jmh.Main} itself,
 * because Quarkus accepts only a main class it has indexed.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
