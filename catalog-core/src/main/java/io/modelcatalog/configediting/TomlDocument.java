package io.modelcatalog.configediting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlComment;
import org.tomlj.TomlElement;
import org.tomlj.TomlKeyValue;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/**
 * A TOML file parsed for editing with tomlj, whose tables keep the source layout when edited and serialized
 * ({@link TomlParseResult#toToml()} writes untouched parts back byte for byte). Adds what tomlj leaves to its
 * caller: errors as a {@link ConfigEditException} (tomlj reports them instead of throwing), the lines of every
 * table header, the region of a table (its header to the next header), and which lines are comment-only,
 * all from tomlj's positions (1-based line and column, columns in code points).
 */
public final class TomlDocument {

    private final ConfigText text;
    private final TomlParseResult result;

    private TomlDocument(ConfigText text, TomlParseResult result) {
        this.text = text;
        this.result = result;
    }

    /** Parses TOML 1.0 (the version codex reads). */
    public static TomlDocument parse(ConfigText text) {
        TomlParseResult result = Toml.parse(text.text(), TomlVersion.V1_0_0);
        if (result.hasErrors()) {
            TomlParseError e = result.errors().get(0);
            TomlPosition p = e.position();
            String message = e.getMessage() == null ? "syntax error" : e.getMessage();
            boolean duplicate = message.contains("previously defined");
            throw new ConfigEditException(
                    text.file(),
                    p == null ? 0 : p.line(),
                    p == null ? 0 : p.column(),
                    (duplicate ? "repeats a key: " : "is not valid TOML: ") + message,
                    duplicate
                            ? "keep one of the two definitions"
                            : "fix that line (the tool itself cannot read the file either), or restore the file"
                                    + " from a backup");
        }
        return new TomlDocument(text, result);
    }

    public ConfigText text() {
        return text;
    }

    /** The parsed, editable document. */
    public TomlParseResult table() {
        return result;
    }

    /** A key path's 0-based line, or -1 when the document does not have it. */
    public int line(List<String> path) {
        TomlPosition p = result.inputPositionOf(path);
        return p == null ? -1 : p.line() - 1;
    }

    /** Whether a table was opened by a {@code [header]} line (rather than dotted keys or an inline table). */
    public boolean isHeaderTable(List<String> path) {
        TomlPosition p = result.inputPositionOf(path);
        if (p == null || !(result.get(path) instanceof TomlTable)) {
            return false;
        }
        int at = text.offset(p.line() - 1, p.column() - 1);
        return at < text.text().length() && text.text().charAt(at) == '[';
    }

    /** The 0-based lines of every {@code [table]} and {@code [[array]]} header, in order. */
    public List<Integer> headerLines() {
        TreeSet<Integer> lines = new TreeSet<>();
        collectHeaders(result, lines);
        return new ArrayList<>(lines);
    }

    private void collectHeaders(TomlTable table, TreeSet<Integer> lines) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            if (v instanceof TomlTable sub) {
                addIfHeader(table.inputPositionOf(List.of(key)), lines);
                collectHeaders(sub, lines);
            } else if (v instanceof TomlArray array && !array.isEmpty() && array.isTable(0)) {
                for (int i = 0; i < array.size(); i++) {
                    addIfHeader(array.inputPositionOf(i), lines);
                    collectHeaders(array.getTable(i), lines);
                }
            }
        }
    }

    private void addIfHeader(TomlPosition p, TreeSet<Integer> lines) {
        if (p == null) {
            return;
        }
        int at = text.offset(p.line() - 1, p.column() - 1);
        if (at < text.text().length() && text.text().charAt(at) == '[') {
            lines.add(p.line() - 1);
        }
    }

    /**
     * The lines of a header table: from its header to the line before the next header (or the end), 0-based and
     * inclusive; comment-only and blank lines at its end are included (they may belong to what follows).
     */
    public Region region(List<String> path) {
        int header = line(path);
        int end = text.lineCount() - 1;
        for (int h : headerLines()) {
            if (h > header) {
                end = h - 1;
                break;
            }
        }
        return new Region(header, end);
    }

    /**
     * A header table's lines, 0-based and inclusive.
     *
     * @param first its header's line
     * @param last  the line before the next header, or the file's last line
     */
    public record Region(int first, int last) {}

    /** The last line of a region that holds content: trailing blank and comment-only lines belong to what follows. */
    public int lastContentLine(int first, int last) {
        TreeSet<Integer> comments = commentLines();
        int line = last;
        while (line > first && (text.isBlank(line) || comments.contains(line))) {
            line--;
        }
        return line;
    }

    /** The 0-based lines that hold only a comment, as tomlj attaches them (above an entry, or unattached). */
    public TreeSet<Integer> commentLines() {
        TreeSet<Integer> lines = new TreeSet<>();
        collectComments(result, lines);
        return lines;
    }

    private void collectComments(TomlTable table, TreeSet<Integer> lines) {
        for (TomlElement e : table.elements()) {
            if (e instanceof TomlComment c) {
                addComment(c, lines);
            } else if (e instanceof TomlKeyValue kv) {
                for (TomlComment c : kv.comments()) {
                    if (c.placement() != TomlComment.Placement.AFTER) {
                        addComment(c, lines);
                    }
                }
                Object v = table.get(List.of(kv.key()));
                if (v instanceof TomlTable sub) {
                    collectComments(sub, lines);
                } else if (v instanceof TomlArray array && !array.isEmpty() && array.isTable(0)) {
                    for (int i = 0; i < array.size(); i++) {
                        collectComments(array.getTable(i), lines);
                    }
                }
            }
        }
    }

    private static void addComment(TomlComment c, TreeSet<Integer> lines) {
        if (c.position() == null) {
            return;
        }
        for (int i = 0; i < c.lines().size(); i++) {
            lines.add(c.position().line() - 1 + i);
        }
    }

    /** A table or value as plain Java data (maps, lists, scalars), for comparing two parses. */
    public static Object plain(Object value) {
        if (value instanceof TomlTable t) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : t.keySet()) {
                out.put(key, plain(t.get(List.of(key))));
            }
            return out;
        }
        if (value instanceof TomlArray a) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(plain(a.get(i)));
            }
            return out;
        }
        return value;
    }
}
