package io.quarkiverse.launchdarkly.runtime.ai.extractors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.launchdarkly.ai.AiMetricsExtractor;

class BuiltInExtractorsTest {

    @Test
    void namesMatchTheExtractorClasses() throws Exception {
        assertThat(BuiltInExtractors.ALL).hasSize(4);
        for (BuiltInExtractors.BuiltIn builtIn : BuiltInExtractors.ALL) {
            AiMetricsExtractor<?> extractor = (AiMetricsExtractor<?>) Class.forName(builtIn.extractorClass())
                    .getConstructor().newInstance();
            assertThat(extractor.responseType().getName()).isEqualTo(builtIn.responseType());
        }
    }

    /**
     * The SPI, the list of built-ins and the shared helper load without any of the libraries: only the extractor
     * classes themselves reference them.
     */
    @Test
    void loadWithoutAnyLibrary() throws Exception {
        URL classes = BuiltInExtractors.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] { classes }, ClassLoader.getPlatformClassLoader())) {
            for (BuiltInExtractors.BuiltIn builtIn : BuiltInExtractors.ALL) {
                assertThatThrownBy(() -> Class.forName(builtIn.responseType(), false, isolated))
                        .isInstanceOf(ClassNotFoundException.class);
            }
            Class<?> builtIns = Class.forName(BuiltInExtractors.class.getName(), true, isolated);
            assertThat((List<?>) builtIns.getField("ALL").get(null)).hasSize(4);
            Class.forName(AiMetricsExtractor.class.getName(), true, isolated);
            Method of = Class.forName(Tokens.class.getName(), true, isolated)
                    .getDeclaredMethod("of", Number.class, Number.class, Number.class);
            of.setAccessible(true); // package-private, and another class loader's package
            Object usage = of.invoke(null, null, 2, 3);
            assertThat(usage).hasToString("AiTokenUsage[total=5, input=2, output=3]");
        }
    }
}
