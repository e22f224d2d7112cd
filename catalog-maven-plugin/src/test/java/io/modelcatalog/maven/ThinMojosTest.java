package io.modelcatalog.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mojos stay thin: each mojo class has at most 80 lines of code, not counting Javadoc and comments,
 * annotations, imports, blank lines and field declarations. What grows past that belongs in core or in a helper of
 * this package (the goals' {@code *Log} classes).
 */
class ThinMojosTest {

    private static final int MOST_LINES = 80;

    private static final Path SOURCES = Path.of("src/main/java/io/modelcatalog/maven");

    /** A field of the class body: four spaces of indentation, a type, a name, an optional initializer, a semicolon. */
    private static final Pattern FIELD = Pattern.compile(
            "^ {4}(?:(?:private|protected|public|static|final)\\s+)*[\\w<>\\[\\].,? ]+\\s+\\w+(?:\\s*=[^;]*)?;\\s*$");

    @Test
    void everyMojoHasAtMost80LinesOfCode() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int mojos = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Mojo.java"))
                    .sorted()
                    .toList()) {
                mojos++;
                int lines = codeLines(Files.readString(file));
                if (lines > MOST_LINES) {
                    tooLong.add(file.getFileName() + ": " + lines);
                }
            }
        }
        assertTrue(mojos >= 12, "mojo sources found under " + SOURCES.toAbsolutePath() + ": " + mojos);
        assertEquals(List.of(), tooLong, "mojos over " + MOST_LINES + " lines of code");
    }

    @Test
    void theCountLeavesOutCommentsAnnotationsImportsAndFields() {
        String source = String.join(
                "\n",
                "package x;",
                "import java.util.List;",
                "/** A mojo.",
                " * Two lines of Javadoc. */",
                "@Mojo(name = \"x\",",
                "        threadSafe = true)",
                "class X {",
                "    @Parameter(property = \"catalog.x\", defaultValue = \"1\")",
                "    private int x;",
                "    private final List<String> names = List.of();",
                "",
                "    void run() { // a comment",
                "        call(x);",
                "    }",
                "}");
        assertEquals(5, codeLines(source));
    }

    static int codeLines(String source) {
        String text = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        text = withoutAnnotations(text);
        int count = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()
                    || trimmed.startsWith("import ")
                    || trimmed.startsWith("package ")
                    || FIELD.matcher(line).matches()) {
                continue;
            }
            count++;
        }
        return count;
    }

    /** Drops every {@code @Name} and {@code @Name(...)}, however many lines its arguments take. */
    private static String withoutAnnotations(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean starts = c == '@'
                    && i + 1 < text.length()
                    && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (!starts) {
                out.append(c);
                i++;
                continue;
            }
            i++;
            while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            int j = i;
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '(') {
                int depth = 0;
                do {
                    char d = text.charAt(j);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    } else if (d == '"') {
                        j = text.indexOf('"', j + 1);
                    }
                    j++;
                } while (depth > 0 && j < text.length());
                i = j;
            }
        }
        return out.toString();
    }
}
