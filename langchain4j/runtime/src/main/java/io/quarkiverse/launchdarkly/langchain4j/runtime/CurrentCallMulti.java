package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.AbstractMulti;
import io.smallrye.mutiny.subscription.MultiSubscriber;

/**
 * The AI service's stream, with the subscription's call current on the subscribing thread while the subscription
 * starts: that is when quarkus-langchain4j sends the model request (unless it moves the subscription to a worker
 * thread, which it does when the method was called on an event-loop thread).
 */
final class CurrentCallMulti<T> extends AbstractMulti<T> {

    private final Multi<T> upstream;
    private final Supplier<ServiceCall> call;

    @SuppressWarnings("unchecked")
    CurrentCallMulti(Multi<?> upstream, Supplier<ServiceCall> call) {
        this.upstream = (Multi<T>) upstream;
        this.call = call;
    }

    @Override
    public void subscribe(MultiSubscriber<? super T> subscriber) {
        ServiceCall previous = CurrentCall.enter(call.get());
        try {
            upstream.subscribe().withSubscriber(subscriber);
        } finally {
            CurrentCall.restore(previous);
        }
    }
}
