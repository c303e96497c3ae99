package io.quarkiverse.launchdarkly.runtime.context;

import java.util.Optional;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ContextResolver;

/**
 * The last source of the context resolution: the authenticated principal. Separate from {@link ContextResolver} so
 * that the application's resolvers always come first.
 */
interface PrincipalContextSource {

    Optional<LDContext> resolve();
}
