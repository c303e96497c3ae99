package io.quarkiverse.launchdarkly.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Proceeds and nothing else; see {@link PassThrough}. */
@PassThrough
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class PassThroughInterceptor {

    @AroundInvoke
    Object proceed(InvocationContext context) throws Exception {
        return context.proceed();
    }
}
