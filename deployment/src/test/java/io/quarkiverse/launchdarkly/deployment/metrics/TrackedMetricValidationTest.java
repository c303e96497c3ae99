package io.quarkiverse.launchdarkly.deployment.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SubmissionPublisher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.launchdarkly.LaunchDarklyContext;
import io.quarkiverse.launchdarkly.deployment.testing.BuildFailure;
import io.quarkiverse.launchdarkly.metrics.MetricCondition;
import io.quarkiverse.launchdarkly.metrics.MetricData;
import io.quarkiverse.launchdarkly.metrics.MetricValue;
import io.quarkiverse.launchdarkly.metrics.TrackedMetric;
import io.quarkiverse.launchdarkly.metrics.ValueFrom;
import io.quarkus.test.QuarkusUnitTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every rule breaks the build, and all of them are reported together in one failure naming class and method. */
class TrackedMetricValidationTest {

    static final String BEAN = Mistakes.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Mistakes.class, Payload.class))
            .assertException(thrown -> {
                Throwable cause = BuildFailure.find(thrown, DeploymentException.class,
                        m -> m.startsWith("Invalid @TrackedMetric usage"));
                assertThat(cause).as("the @TrackedMetric validation failure in %s", thrown).isNotNull();
                assertThat(cause.getMessage()).contains("(22 mistake(s))")
                        .contains(at("blankKey()") + "an event key is empty or blank")
                        .contains(at("resultOfVoid()") + "event 'a' takes its value from the result (valueFrom=RESULT)"
                                + " but the method returns void")
                        .contains(at("resultOfString()") + "event 'b' takes its value from the result (valueFrom=RESULT)"
                                + " but the result type java.lang.String is not numeric")
                        .contains(at("resultOfStringStage()") + "event 'c' takes its value from the result"
                                + " (valueFrom=RESULT) but the result type java.lang.String is not numeric")
                        .contains(at("textValue(String)")
                                + "@MetricValue parameter 'amount' is a java.lang.String, not a number")
                        .contains(at("twoValues(double, double)") + "@MetricValue appears twice (parameters 'first' and"
                                + " 'second')")
                        .contains(at("twoContexts(String, String)") + "two @LaunchDarklyContext parameters ('user' and"
                                + " 'other')")
                        .contains(at("wrongContextType(int)") + "@LaunchDarklyContext parameter 'user' is a int; it must be an"
                                + " LDContext or a String user key")
                        .contains(at("sourceTwice()") + "event 'd' sets its value source twice: fixedValue and"
                                + " valueFrom=RESULT")
                        .contains(at("hidden()") + "the method is private")
                        .contains(at("shared()") + "the method is static")
                        .contains(at("future()") + "the return type java.util.concurrent.Future is a Future, whose"
                                + " completion cannot be observed without blocking; return a CompletionStage")
                        .contains(at("futureTask()") + "the return type java.util.concurrent.FutureTask is a Future")
                        .contains(at("mono()") + "the return type reactor.core.publisher.Mono is a lazy asynchronous"
                                + " type that does its work when subscribed")
                        .contains(at("flux()") + "the return type reactor.core.publisher.Flux is a lazy asynchronous type")
                        .contains(at("jdkPublisher()") + "the return type java.util.concurrent.SubmissionPublisher is a"
                                + " lazy asynchronous type")
                        .contains(at("noValueParameter()") + "event 'e' takes its value from a parameter"
                                + " (valueFrom=PARAMETER) but no parameter is annotated @MetricValue")
                        .contains(at("resultOnFailure()") + "event 'f' takes its value from the result but is sent only"
                                + " on failure")
                        .contains(at("unboundCondition(double)") + "event 'g' has a @MetricCondition with no bound")
                        .contains(at("unknownConditionParameter(double)") + "event 'h' has a @MetricCondition on"
                                + " parameter 'scor', which the method does not have")
                        .contains(at("conditionOnConversion()") + "event 'i' has a @MetricCondition on its own value, but"
                                + " it sends no value")
                        .contains(at("unsupportedData(TrackedMetricValidationTest$Payload)")
                                + "@MetricData parameter 'payload' is a "
                                + Payload.class.getName() + ", which has no JSON form here");
            });

    private static String at(String method) {
        return "@TrackedMetric on " + BEAN + "#" + method + ": ";
    }

    @Test
    void buildFails() {
        throw new AssertionError("the build should have failed");
    }

    public static class Payload {
    }

    @ApplicationScoped
    public static class Mistakes {

        @TrackedMetric(" ")
        public void blankKey() {
        }

        @TrackedMetric(value = "a", valueFrom = ValueFrom.RESULT)
        public void resultOfVoid() {
        }

        @TrackedMetric(value = "b", valueFrom = ValueFrom.RESULT)
        public String resultOfString() {
            return "";
        }

        @TrackedMetric(value = "c", valueFrom = ValueFrom.RESULT)
        public CompletionStage<String> resultOfStringStage() {
            return null;
        }

        @TrackedMetric("ok")
        public void textValue(@MetricValue String amount) {
        }

        @TrackedMetric("ok")
        public void twoValues(@MetricValue double first, @MetricValue double second) {
        }

        @TrackedMetric("ok")
        public void twoContexts(@LaunchDarklyContext String user, @LaunchDarklyContext String other) {
        }

        @TrackedMetric("ok")
        public void wrongContextType(@LaunchDarklyContext int user) {
        }

        @TrackedMetric(value = "d", valueFrom = ValueFrom.RESULT, fixedValue = 2)
        public BigDecimal sourceTwice() {
            return BigDecimal.ONE;
        }

        @TrackedMetric("ok")
        private void hidden() {
        }

        @TrackedMetric("ok")
        public static void shared() {
        }

        @TrackedMetric("ok")
        public Future<Double> future() {
            return null;
        }

        @TrackedMetric("ok")
        public FutureTask<Double> futureTask() {
            return null;
        }

        @TrackedMetric("ok")
        public Mono<Double> mono() {
            return null;
        }

        @TrackedMetric("ok")
        public Flux<Double> flux() {
            return null;
        }

        @TrackedMetric("ok")
        public SubmissionPublisher<Double> jdkPublisher() {
            return null;
        }

        @TrackedMetric(value = "e", valueFrom = ValueFrom.PARAMETER)
        public void noValueParameter() {
        }

        @TrackedMetric(value = "f", valueFrom = ValueFrom.RESULT, when = TrackedMetric.When.ON_FAILURE)
        public double resultOnFailure() {
            return 1;
        }

        @TrackedMetric(value = "g", onlyIf = @MetricCondition(parameter = "score"))
        public void unboundCondition(double score) {
        }

        @TrackedMetric(value = "h", onlyIf = @MetricCondition(parameter = "scor", below = 50))
        public void unknownConditionParameter(double score) {
        }

        @TrackedMetric(value = "i", onlyIf = @MetricCondition(above = 0))
        public void conditionOnConversion() {
        }

        @TrackedMetric("ok")
        public void unsupportedData(@MetricData("payload") Payload payload) {
        }
    }
}
