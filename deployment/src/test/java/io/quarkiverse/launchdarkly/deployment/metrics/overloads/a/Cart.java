package io.quarkiverse.launchdarkly.deployment.metrics.overloads.a;

/** A cart of shop 'a': its simple name is the same as the other shop's, its package is not. */
public record Cart(String id) {
}
