package io.quarkiverse.launchdarkly.it;

import java.time.Instant;

/** A support ticket. */
public record Ticket(long id, String customer, String subject, String category, boolean priority, String status,
        Instant openedAt) {

    Ticket resolved() {
        return new Ticket(id, customer, subject, category, priority, "resolved", openedAt);
    }
}
