package io.quarkiverse.launchdarkly.it;

/** Auto-triage met a ticket category it has no queue for. */
public class UnknownCategoryException extends RuntimeException {

    public UnknownCategoryException(String category) {
        super("No queue for the category '" + category + "'; an agent has to triage this ticket");
    }
}
