package io.quarkiverse.launchdarkly.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every cross-reference of the pages and the navigation names a page that exists and, after {@code #}, an anchor
 * that page declares explicitly ({@code [[id]]}, {@code [#id]} or {@code anchor:id[]}, in the page or a file it
 * includes); every image exists. Section ids generated from titles are not accepted as targets: Antora and the
 * asciidoctor build of this module generate them differently ({@code _extractors} against {@code extractors}), so a
 * link to one works in only one of them. Asciidoctor itself fails this module's build on a missing include or tag.
 */
class DocsLinksTest {

    private static final Path MODULE = Path.of("modules/ROOT");
    private static final Path PAGES = MODULE.resolve("pages");

    private static final Pattern EXPLICIT_ID = Pattern
            .compile("\\[\\[([\\w.:-]+)(?:,[^\\]]*)?]]|^\\[#([\\w.:-]+)[^\\]]*]|anchor:([\\w.:-]+)\\[", Pattern.MULTILINE);
    private static final Pattern XREF = Pattern.compile("xref:([^\\[\\s]*)\\[");
    private static final Pattern INTERNAL_REF = Pattern.compile("<<([^,>]+)(?:,[^>]*)?>>");
    private static final Pattern INCLUDE = Pattern.compile("^include::\\.?/?(includes/[^\\[]+)\\[", Pattern.MULTILINE);
    private static final Pattern IMAGE = Pattern.compile("image::?([^\\[\\s]+)\\[");

    private static final Pattern SOURCE_BLOCK = Pattern
            .compile("^\\[source,(java|properties)[^\\]]*]\\n----\\n(.*?)\\n----$", Pattern.MULTILINE | Pattern.DOTALL);

    /**
     * A Java or properties snippet written in a page drifts from the code; one included from a source that the build
     * compiles and tests cannot.
     */
    @Test
    void everyJavaAndPropertiesSnippetIsIncludedFromASource() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                Matcher block = SOURCE_BLOCK.matcher(Files.readString(page));
                while (block.find()) {
                    boolean onlyIncludes = block.group(2).lines().map(String::strip)
                            .allMatch(line -> line.isEmpty() || line.startsWith("include::"));
                    if (!onlyIncludes) {
                        problems.add(page.getFileName() + ": a " + block.group(1) + " snippet is written in the page: "
                                + block.group(2).lines().findFirst().orElse(""));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("Include these snippets from a tested source (integration-tests, or the getting-started project):\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void everyCrossReferenceAndAnchorResolves() throws IOException {
        Map<String, Set<String>> anchors = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(PAGES)) {
            pages = files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
        for (Path page : pages) {
            anchors.put(page.getFileName().toString(), idsOf(page));
        }

        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            check(page, anchors, problems);
        }
        check(MODULE.resolve("nav.adoc"), anchors, problems);
        if (!problems.isEmpty()) {
            fail("Broken links in the docs:\n  " + String.join("\n  ", problems));
        }
    }

    private static void check(Path file, Map<String, Set<String>> anchors, List<String> problems) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        Matcher xref = XREF.matcher(text);
        while (xref.find()) {
            String target = xref.group(1);
            int hash = target.indexOf('#');
            String page = hash < 0 ? target : target.substring(0, hash);
            String fragment = hash < 0 ? null : target.substring(hash + 1);
            if (page.isEmpty()) {
                page = name;
            }
            Set<String> ids = anchors.get(page);
            if (ids == null) {
                problems.add(name + ": xref:" + target + " names no page of " + PAGES);
            } else if (fragment != null && !ids.contains(fragment)) {
                problems.add(name + ": xref:" + target + ": " + page + " declares no anchor [[" + fragment + "]]");
            }
        }
        Matcher internal = INTERNAL_REF.matcher(text);
        Set<String> own = anchors.getOrDefault(name, Set.of());
        while (internal.find()) {
            String id = internal.group(1).trim();
            if (!own.contains(id)) {
                problems.add(name + ": <<" + id + ">>: the page declares no anchor [[" + id + "]]");
            }
        }
        Matcher image = IMAGE.matcher(text);
        while (image.find()) {
            if (!Files.isRegularFile(MODULE.resolve("assets/images").resolve(image.group(1)))) {
                problems.add(name + ": image " + image.group(1) + " is not in " + MODULE.resolve("assets/images"));
            }
        }
    }

    /** The explicit ids of a page and of the files under pages/includes that it includes. */
    private static Set<String> idsOf(Path page) throws IOException {
        Set<String> ids = new HashSet<>();
        String text = Files.readString(page);
        Matcher id = EXPLICIT_ID.matcher(text);
        while (id.find()) {
            for (int group = 1; group <= 3; group++) {
                if (id.group(group) != null) {
                    ids.add(id.group(group));
                }
            }
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            Path included = PAGES.resolve(include.group(1));
            if (Files.isRegularFile(included)) {
                ids.addAll(idsOf(included));
            }
        }
        return ids;
    }
}
