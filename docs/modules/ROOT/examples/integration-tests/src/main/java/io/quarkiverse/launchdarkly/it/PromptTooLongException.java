package io.quarkiverse.launchdarkly.it;

/** The prompt does not fit in the model's context window, as a provider refuses such a request. */
public class PromptTooLongException extends RuntimeException {

    public PromptTooLongException(String model, int tokens, int contextWindow) {
        super("The question is too long for the model " + model + ": the prompt has " + tokens
                + " tokens, the model reads at most " + contextWindow);
    }
}
