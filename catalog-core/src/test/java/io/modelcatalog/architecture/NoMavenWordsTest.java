package io.modelcatalog.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * catalog-core speaks no Maven: no string literal of its main sources names a Maven setting or tool. The core says
 * what went wrong as data; the plugin adds {@code catalog.*}, {@code -D}, {@code -o} and {@code settings.xml}.
 */
class NoMavenWordsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A {@code catalog.<name>} property (not {@code modelcatalog.}), settings.xml, mvn, -D, POM, <server>. */
    private static final Pattern MAVEN_WORDS =
            Pattern.compile("(?<![\\w.])catalog\\.[A-Za-z]|settings\\.xml|\\bmvn |(?<![\\w-])-D|\\bPOM\\b|<server>");

    @Test
    void noStringLiteralOfTheCoreNamesAMavenSetting() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 50, "the core's sources are at " + SOURCES.toAbsolutePath());
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String literal : JavaStringLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                if (MAVEN_WORDS.matcher(literal).find()) {
                    found.add(SOURCES.relativize(file) + ": \"" + literal + "\"");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanSeesLiteralsAndOnlyLiterals() {
        String source = "/** catalog.timeout in a comment */ class X { // mvn -o\n"
                + "String a = \"raise catalog.maxResponseBytes\"; char q = '\"'; String b = \"a \\\"POM\\\" b\";\n"
                + "String c = \"\"\"\n    settings.xml <server>\n    \"\"\"; String d = \"io.modelcatalog.x\"; }";
        List<String> literals = JavaStringLiterals.of(source);
        assertEquals(
                List.of(
                        "raise catalog.maxResponseBytes",
                        "a \\\"POM\\\" b",
                        "\n    settings.xml <server>\n    ",
                        "io.modelcatalog.x"),
                literals);
        assertEquals(
                List.of(true, true, true, false),
                literals.stream().map(l -> MAVEN_WORDS.matcher(l).find()).toList());
        for (String word : List.of("-Dcatalog.x=1", "run mvn -o", "the POM", "catalog.allowShrink")) {
            assertTrue(MAVEN_WORDS.matcher(word).find(), word);
        }
        for (String plain : List.of("catalog-fetch-1", "models_x.json", "POMEGRANATE", "a-Day", "the catalog. Next")) {
            assertTrue(!MAVEN_WORDS.matcher(plain).find(), plain);
        }
    }
}
