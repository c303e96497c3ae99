package io.quarkiverse.launchdarkly.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.interfaces.LDClientInterface;

/**
 * The support desk: customers open tickets, agents resolve them. The customer is named by the {@code X-Customer}
 * header and their plan by {@code X-Customer-Tier}.
 */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    /** What a customer sends to open a ticket. */
    public record NewTicket(String subject, String category) {
    }

    /** Where auto-triage sent a ticket. */
    public record Triage(long ticket, String queue) {
    }

    private final TicketStore store;
    private final LDClientInterface launchDarkly;
    private final AutoTriage autoTriage;

    TicketResource(TicketStore store, LDClientInterface launchDarkly, AutoTriage autoTriage) {
        this.store = store;
        this.launchDarkly = launchDarkly;
        this.autoTriage = autoTriage;
    }

    @GET
    public List<Ticket> list() {
        return store.all();
    }

    @GET
    @Path("/{id}")
    public Ticket get(@PathParam("id") long id) {
        return store.find(id).orElseThrow(NotFoundException::new);
    }

    /** Opens a ticket; the priority-routing flag decides whether it jumps the queue. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewTicket request, @HeaderParam("X-Customer") String customer,
            @HeaderParam("X-Customer-Tier") String tier) {
        if (request == null || request.subject() == null || request.subject().isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "A ticket has a subject: {\"subject\": \"...\", \"category\": \"...\"}"))
                    .build();
        }
        LDContext context = Customers.context(customer, tier);
        boolean priority = launchDarkly.boolVariation("support-desk.priority-routing", context, false);
        Ticket ticket = store.open(context.getKey(), request.subject(), request.category(), priority);
        // Tracked by hand on purpose: the plain SDK call, for comparison with the @TrackedMetric services
        // (AutoTriage, Billing, SatisfactionSurvey, ChatAssistant), which send their events with no code.
        launchDarkly.trackData("ticket.opened", context, LDValue.buildObject()
                .put("category", ticket.category())
                .put("priority", ticket.priority())
                .build());
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }

    /** Resolves a ticket and records how long it was open. */
    @POST
    @Path("/{id}/resolve")
    public Ticket resolve(@PathParam("id") long id) {
        Ticket ticket = store.resolve(id).orElseThrow(NotFoundException::new);
        double minutesOpen = Duration.between(ticket.openedAt(), Instant.now()).toMillis() / 60000.0;
        launchDarkly.trackMetric("ticket.resolution-time", Customers.context(ticket.customer(), null),
                LDValue.ofNull(), minutesOpen);
        return ticket;
    }

    /**
     * Sends the ticket to its category's queue with no agent. {@link AutoTriage} sends {@code task.success_rate}: 1.0
     * when it finds a queue, 0.0 when the category is unknown (answered with 422).
     */
    @POST
    @Path("/{id}/triage")
    public Triage triage(@PathParam("id") long id) {
        Ticket ticket = store.find(id).orElseThrow(NotFoundException::new);
        return new Triage(ticket.id(), autoTriage.queueFor(ticket.customer(), ticket.category()));
    }

    /** The ticket is fine, its category is not one auto-triage knows: 422, and an agent takes over. */
    @ServerExceptionMapper
    Response unknownCategory(UnknownCategoryException e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
    }
}
