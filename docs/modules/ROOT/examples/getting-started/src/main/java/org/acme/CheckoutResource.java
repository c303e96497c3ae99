package org.acme;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

@Path("/checkout")
public class CheckoutResource {

    public record Payment(String customer, double amount) {
    }

    private final Checkout checkout;

    CheckoutResource(Checkout checkout) {
        this.checkout = checkout;
    }

    @POST
    public Checkout.Receipt pay(Payment payment) {
        return checkout.pay(payment.customer(), payment.amount());
    }
}
