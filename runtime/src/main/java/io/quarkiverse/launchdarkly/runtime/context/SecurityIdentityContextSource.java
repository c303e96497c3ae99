package io.quarkiverse.launchdarkly.runtime.context;

import java.util.Optional;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Singleton;

import com.launchdarkly.sdk.LDContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A user context keyed by the authenticated principal's name. Registered only when {@code quarkus-security} is present.
 */
@Singleton
class SecurityIdentityContextSource implements PrincipalContextSource {

    private final CurrentIdentityAssociation identities;

    SecurityIdentityContextSource(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @Override
    public Optional<LDContext> resolve() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
                return Optional.empty();
            }
            String name = identity.getPrincipal().getName();
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(LDContext.create(name));
        } catch (ContextNotActiveException e) {
            // Outside a request (a scheduled job, a message consumer) there is no identity to use.
            return Optional.empty();
        }
    }
}
