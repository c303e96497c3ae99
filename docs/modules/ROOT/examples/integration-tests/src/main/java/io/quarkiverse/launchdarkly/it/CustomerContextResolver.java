package io.quarkiverse.launchdarkly.it;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ContextResolver;
import io.quarkiverse.launchdarkly.LaunchDarklyContext;

/**
 * Whose event is it, when an annotated method does not say: the customer named by the {@code X-Customer} header of the
 * current request, with their plan from {@code X-Customer-Tier}. Request-scoped, so it reads the headers of the request
 * being served; the extension asks it only after the method's {@code @LaunchDarklyContext} parameter (if any) gave nothing.
 */
@RequestScoped
public class CustomerContextResolver implements ContextResolver {

    @Inject
    HttpHeaders headers;

    @Override
    public Optional<LDContext> resolve() {
        String customer = headers.getHeaderString("X-Customer");
        if (customer == null || customer.isBlank()) {
            // No customer: let the next source decide. With none left, the event is not sent (and counted as such),
            // which is better than attributing it to a made-up "anonymous" customer.
            return Optional.empty();
        }
        return Optional.of(Customers.context(customer, headers.getHeaderString("X-Customer-Tier")));
    }
}
