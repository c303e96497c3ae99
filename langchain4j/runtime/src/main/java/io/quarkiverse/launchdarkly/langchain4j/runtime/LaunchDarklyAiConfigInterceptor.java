package io.quarkiverse.launchdarkly.langchain4j.runtime;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import com.launchdarkly.sdk.LDContext;

import io.quarkiverse.launchdarkly.ai.AiConfig;
import io.quarkiverse.launchdarkly.ai.AiConfigDefault;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException;
import io.quarkiverse.launchdarkly.ai.AiConfigDisabledException.Reason;
import io.quarkiverse.launchdarkly.ai.AiConfigMode;
import io.quarkiverse.launchdarkly.ai.LaunchDarklyAi;
import io.quarkiverse.launchdarkly.langchain4j.LaunchDarklyAiConfig;
import io.quarkiverse.launchdarkly.runtime.ai.JudgeDispatcher;
import io.quarkiverse.launchdarkly.runtime.calls.CallResults;
import io.quarkiverse.launchdarkly.runtime.calls.ResultKind;
import io.quarkiverse.launchdarkly.runtime.context.ContextResolution;
import io.quarkiverse.launchdarkly.runtime.metrics.TrackingFailures;
import io.smallrye.mutiny.Multi;

/**
 * Runs an AI service method bound to an AI Config: evaluates the config for the caller, refuses the call when it is
 * disabled, otherwise makes the call current for the service's models while the method (or each subscription of its
 * stream) runs, and reports how it ended through the extension's one call policy ({@link CallResults}).
 * <p>
 * Inside SmallRye Fault Tolerance (priority {@code PLATFORM_AFTER + 10}), so that a {@code @Fallback} on the method
 * answers a disabled config, and each retry is a run of its own.
 */
@LaunchDarklyAiConfig("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 20)
public class LaunchDarklyAiConfigInterceptor {

    private static final Logger LOG = Logger.getLogger(LaunchDarklyAiConfigInterceptor.class);

    private final LaunchDarklyAi ai;
    private final ContextResolution contexts;
    private final TrackingFailures failures;
    private final JudgeDispatcher judges;
    private final ProviderModels providerModels;

    LaunchDarklyAiConfigInterceptor(LaunchDarklyAi ai, ContextResolution contexts, TrackingFailures failures,
            JudgeDispatcher judges, ProviderModels providerModels) {
        this.ai = ai;
        this.contexts = contexts;
        this.failures = failures;
        this.judges = judges;
        this.providerModels = providerModels;
    }

    @AroundInvoke
    Object call(InvocationContext invocation) throws Exception {
        ServiceMethod method = ServiceMethod.of(invocation.getMethod(),
                invocation.getInterceptorBinding(LaunchDarklyAiConfig.class));
        if (!method.callsModel()) {
            return invocation.proceed();
        }
        Object[] args = invocation.getParameters();
        LastRun.clear(); // a refused call makes no run: it must not leave the previous call's run readable
        ServiceCall call = new ServiceCall(method, evaluate(method, args), failures, judges, providerModels);
        AiServiceModels.wrap(invocation.getTarget());
        LastRun.set(call.tracker());

        long start = System.nanoTime();
        Object result;
        ServiceCall previous = CurrentCall.enter(call);
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            CallResults.threw(failure, start, call);
            throw failure;
        } finally {
            CurrentCall.restore(previous);
        }
        if (method.resultKind() == ResultKind.MULTI && result != null) {
            // The stream calls the model when subscribed: each subscription is a run of its own (CallResults asks for
            // its observer right before subscribing), current on the subscribing thread while it starts.
            AtomicReference<ServiceCall> subscribing = new AtomicReference<>(call);
            Multi<?> bound = new CurrentCallMulti<>((Multi<?>) result, subscribing::get);
            return CallResults.observe(ResultKind.MULTI, bound, start, call, () -> {
                ServiceCall again = call.again();
                subscribing.set(again);
                LastRun.set(again.tracker());
                return again;
            });
        }
        return CallResults.observe(ResultKind.SYNC, result, start, call, null);
    }

    private AiConfig evaluate(ServiceMethod method, Object[] args) {
        Optional<LDContext> context = method.contextParameter() >= 0
                ? ContextResolution.fromArgument(args[method.contextParameter()])
                : Optional.empty();
        if (context.isEmpty()) {
            context = contexts.resolve();
        }
        if (context.isEmpty()) {
            failures.noContext(method.name(), "its AI Config is not evaluated and the model is not called");
            throw refused(method, Reason.NO_CONTEXT, "No LaunchDarkly context could be resolved for " + method.name()
                    + ", so its AI Config '" + method.configKey() + "' was not evaluated and the model was not called;"
                    + " add a @LaunchDarklyContext parameter or a ContextResolver bean");
        }
        AiConfig config;
        try {
            config = method.mode() == AiConfigMode.AGENT
                    ? ai.agentConfig(method.configKey(), context.get(), AiConfigDefault.disabled(),
                            method.variables(args))
                    : ai.completionConfig(method.configKey(), context.get(), AiConfigDefault.disabled(),
                            method.variables(args));
        } catch (RuntimeException e) {
            LOG.errorf("The AI Config '%s' of %s could not be evaluated: %s", method.configKey(), method.name(),
                    e.getMessage());
            throw refused(method, Reason.EVALUATION_FAILED, "The AI Config '" + method.configKey() + "' of "
                    + method.name() + " could not be evaluated (the log says why), so the model was not called");
        }
        if (!config.enabled()) {
            throw refused(method, Reason.DISABLED, "The AI Config '" + method.configKey() + "' is disabled for this"
                    + " context, so " + method.name() + " did not call the model; put a @Fallback on the method to"
                    + " answer instead");
        }
        return config;
    }

    private static AiConfigDisabledException refused(ServiceMethod method, Reason reason, String message) {
        return new AiConfigDisabledException(message, method.configKey(), reason);
    }
}
