package io.quarkiverse.launchdarkly.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** The demo keeps its tickets in memory. */
@ApplicationScoped
public class TicketStore {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();

    public Ticket open(String customer, String subject, String category, boolean priority) {
        long id = ids.incrementAndGet();
        Ticket ticket = new Ticket(id, customer, subject, category, priority, "open", Instant.now());
        tickets.put(id, ticket);
        return ticket;
    }

    public Optional<Ticket> find(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    public Optional<Ticket> resolve(long id) {
        return Optional.ofNullable(tickets.computeIfPresent(id, (key, ticket) -> ticket.resolved()));
    }

    public List<Ticket> all() {
        return tickets.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }
}
