package io.quarkiverse.launchdarkly.langchain4j.runtime;

/**
 * The AI service call whose model requests the running thread makes. Set by the interceptor around the call (and
 * around each subscription of a streamed answer), and by the streaming model around the callbacks that may issue the
 * next request of a tool loop; read by the models of the service.
 */
final class CurrentCall {

    private static final ThreadLocal<ServiceCall> CURRENT = new ThreadLocal<>();

    private CurrentCall() {
    }

    static ServiceCall get() {
        return CURRENT.get();
    }

    /** Makes this call current and returns the one it replaces, to give back to {@link #restore}. */
    static ServiceCall enter(ServiceCall call) {
        ServiceCall previous = CURRENT.get();
        CURRENT.set(call);
        return previous;
    }

    static void restore(ServiceCall previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
