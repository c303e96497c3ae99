package io.quarkiverse.launchdarkly.deployment.metrics.overloads.b;

/** A cart of shop 'b': its simple name is the same as the other shop's, its package is not. */
public record Cart(String id) {
}
