package io.quarkiverse.launchdarkly.benchmarks;

/** The business computation shared by every variant, so that only the tracking differs. */
final class Amounts {

    private Amounts() {
    }

    static double settle(String userKey, String source) {
        return userKey.length() * 2.5 + source.length();
    }
}
