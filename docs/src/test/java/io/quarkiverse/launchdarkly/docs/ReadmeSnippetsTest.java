package io.quarkiverse.launchdarkly.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Markdown cannot include files, so the README's Java and properties snippets are excerpts instead: the lines of each
 * appear, in the same order, in one source file that the build compiles and tests (the integration tests, or the
 * getting-started project). A snippet may leave lines out (Javadoc, other members), not change or add any.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final List<Path> SOURCES = List.of(Path.of("../integration-tests/src"),
            Path.of("modules/ROOT/examples/getting-started/src"));
    private static final Pattern SNIPPET = Pattern.compile("```(java|properties)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaAndPropertiesSnippetIsAnExcerptOfATestedSource() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties"))
                        .toList()) {
                    sources.add(lines(Files.readString(file)));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Matcher snippet = SNIPPET.matcher(Files.readString(README));
        int count = 0;
        while (snippet.find()) {
            count++;
            List<String> lines = lines(snippet.group(2));
            if (sources.stream().noneMatch(source -> isSubsequence(lines, source))) {
                problems.add("README " + snippet.group(1) + " snippet " + count + " (" + lines.get(0)
                        + " ...) is not an excerpt of any file under " + SOURCES);
            }
        }
        if (count == 0) {
            problems.add("no Java or properties snippet found in " + README);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean isSubsequence(List<String> lines, List<String> source) {
        int at = 0;
        for (String line : source) {
            if (at < lines.size() && line.equals(lines.get(at))) {
                at++;
            }
        }
        return at == lines.size();
    }
}
