package io.quarkiverse.launchdarkly.it;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.metrics.TrackedMetric;

/**
 * What happens after the support assistant answered: the customer chats with it, upgrades their plan or buys an
 * add-on it recommended. No tracking code here: the services' {@code @TrackedMetric} methods send the events.
 */
@Path("/assistant")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {

    /** A plan upgrade, and the category of the question the assistant answered before it. */
    public record UpgradeRequest(String plan, String category) {
    }

    /** An add-on the assistant recommended, for this many seats. */
    public record AddOnRequest(String addOn, int seats) {
    }

    public record AddOnPurchase(String customer, String addOn, int seats, double revenue) {
    }

    public record ChatSession(List<String> messages) {
    }

    public record ChatAnswers(List<String> answers, int interactions) {
    }

    private final Billing billing;
    private final ChatAssistant assistant;

    AssistantResource(Billing billing, ChatAssistant assistant) {
        this.billing = billing;
        this.assistant = assistant;
    }

    /** Sends {@code business.conversion} (value: the plan's price). */
    @POST
    @Path("/upgrades")
    public Billing.Upgrade upgrade(UpgradeRequest request, @HeaderParam("X-Customer") String customer,
            @HeaderParam("X-Customer-Tier") String tier) {
        if (request == null || request.plan() == null) {
            throw badRequest("An upgrade names its plan: {\"plan\": \"...\"}");
        }
        double amount = billing.planPrice(request.plan())
                .orElseThrow(() -> badRequest("Unknown plan '" + request.plan() + "'"));
        // The resource knows the customer, so it hands the context to the method (@LaunchDarklyContext).
        return billing.upgrade(Customers.context(customer, tier), request.plan(), amount, request.category());
    }

    /** Sends {@code revenue.impact} (value: the revenue) unless the add-on is free. */
    @POST
    @Path("/add-ons")
    public AddOnPurchase buyAddOn(AddOnRequest request, @HeaderParam("X-Customer") String customer,
            @HeaderParam("X-Customer-Tier") String tier) {
        if (request == null || request.addOn() == null) {
            throw badRequest("A purchase names its add-on and seats: {\"addOn\": \"...\", \"seats\": 1}");
        }
        if (!billing.sellsAddOn(request.addOn()) || request.seats() < 1) {
            throw badRequest("Unknown add-on '" + request.addOn() + "' or no seat");
        }
        // tag::buy-add-on[]
        LDContext context = Customers.context(customer, tier);
        double revenue = billing.buyAddOn(context, request.addOn(), request.seats());
        // end::buy-add-on[]
        return new AddOnPurchase(context.getKey(), request.addOn(), request.seats(), revenue);
    }

    /** The most messages one session may hold: each takes the assistant a moment, and a request must end soon. */
    public static final int MAX_MESSAGES = 50;

    /**
     * Sends {@code session.duration} (value: milliseconds, data: the number of interactions), for the customer of the
     * {@code X-Customer} header, found by {@link CustomerContextResolver}. At most {@value #MAX_MESSAGES} messages.
     */
    @POST
    @Path("/sessions")
    public ChatAnswers chat(ChatSession session) {
        if (session == null || session.messages() == null || session.messages().isEmpty()) {
            throw badRequest("A chat session has at least one message");
        }
        if (session.messages().size() > MAX_MESSAGES) {
            throw badRequest("A chat session has at most " + MAX_MESSAGES + " messages, got " + session.messages().size());
        }
        List<String> answers = assistant.answer(session.messages(), session.messages().size());
        return new ChatAnswers(answers, answers.size());
    }

    private static BadRequestException badRequest(String message) {
        return new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }
}
