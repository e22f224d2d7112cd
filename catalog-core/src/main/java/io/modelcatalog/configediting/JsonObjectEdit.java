package io.modelcatalog.configediting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Changes to one object of a {@link JsonDocument}, turned into {@link TextEdit}s that leave the rest of the text as
 * it was: a member's value replaced in place, members removed with their own line and separator, members added at
 * the end (after the last member, keeping the object's trailing-comma style) or quietly ({@link #insertQuietly}:
 * after a separator that is already there, so no byte of the text changes). New text follows the file's
 * {@link JsonStyle}, indented as the object's members are.
 *
 * <p>Edits of one instance never overlap; edits of an object nested in a member's value may be combined with
 * these as long as that member is neither replaced nor removed here.
 */
public final class JsonObjectEdit {

    private final JsonDocument doc;
    private final JsonDocument.Value object;
    private final JsonStyle style;
    private final Map<Integer, JsonNode> replaced = new TreeMap<>();
    private final Set<Integer> removed = new TreeSet<>();
    private final Map<String, JsonNode> appended = new LinkedHashMap<>();
    private final Map<String, JsonNode> quiet = new LinkedHashMap<>();
    private int quietAfter = -1;

    public JsonObjectEdit(JsonDocument doc, JsonDocument.Value object, JsonStyle style) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        this.doc = doc;
        this.object = object;
        this.style = style;
    }

    /** Replaces the value of an existing member. */
    public JsonObjectEdit replace(String key, JsonNode value) {
        replaced.put(index(key), value);
        return this;
    }

    /** Removes an existing member. */
    public JsonObjectEdit remove(String key) {
        removed.add(index(key));
        return this;
    }

    /** Adds a member after the last one (members added this way keep their order). */
    public JsonObjectEdit append(String key, JsonNode value) {
        appended.put(key, value);
        return this;
    }

    /**
     * Adds members without changing a byte of the text: after the separator comma that follows member
     * {@code afterIndex} when there is one, else at the start of the object (each new member then brings its own
     * comma).
     */
    public JsonObjectEdit insertQuietly(int afterIndex, String key, JsonNode value) {
        quietAfter = afterIndex;
        quiet.put(key, value);
        return this;
    }

    public boolean isEmpty() {
        return replaced.isEmpty() && removed.isEmpty() && appended.isEmpty() && quiet.isEmpty();
    }

    private int index(String key) {
        int i = object.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("no member " + key);
        }
        return i;
    }

    /** The indentation of this object's members. */
    private String memberIndent() {
        for (JsonDocument.Member m : object.members()) {
            if (doc.startsLine(m.keyStart())) {
                return doc.leadingWhitespace(doc.line(m.keyStart()));
            }
        }
        return doc.leadingWhitespace(doc.line(object.start())) + style.unit();
    }

    /** Where the text after member {@code i}'s value ends: the next member's key, or the closing brace. */
    private int gapEnd(int i) {
        List<JsonDocument.Member> ms = object.members();
        return i + 1 < ms.size() ? ms.get(i + 1).keyStart() : object.end() - 1;
    }

    private int commaAfter(int i) {
        return doc.commaBetween(object.members().get(i).value().end(), gapEnd(i));
    }

    private String member(String key, JsonNode value, String indent) {
        return JsonStyle.key(key) + ": " + style.render(value, indent);
    }

    private String inlineMember(String key, JsonNode value) {
        return JsonStyle.key(key) + ": " + style.renderInline(value);
    }

    /** The edits, and the lines they touch allowed in {@code managed}. */
    public List<TextEdit> edits(ManagedLines managed) {
        List<TextEdit> edits = new ArrayList<>();
        List<JsonDocument.Member> ms = object.members();
        String indent = memberIndent();
        String nl = style.lineEnding();
        for (Map.Entry<Integer, JsonNode> r : replaced.entrySet()) {
            JsonDocument.Member m = ms.get(r.getKey());
            // a member on a line of its own gets its value over lines; one inside an object on one line, on one
            String value = doc.startsLine(m.keyStart())
                    ? style.render(r.getValue(), doc.leadingWhitespace(doc.line(m.keyStart())))
                    : style.renderInline(r.getValue());
            edits.add(new TextEdit(m.value().start(), m.value().end(), value));
            managed.allow(doc.line(m.keyStart()), doc.line(m.value().end() - 1));
        }
        for (int i : removed) {
            edits.add(removal(i, managed));
        }
        int lastKept = -1;
        for (int i = 0; i < ms.size(); i++) {
            if (!removed.contains(i)) {
                lastKept = i;
            }
        }
        boolean trailingStyle = !ms.isEmpty() && commaAfter(ms.size() - 1) >= 0;
        if (!appended.isEmpty()) {
            edits.addAll(append(lastKept, trailingStyle, indent, managed));
        } else if (lastKept >= 0 && lastKept < ms.size() - 1 && !trailingStyle) {
            // the members after the last kept one are gone: its separator would be left trailing
            int comma = commaAfter(lastKept);
            edits.add(TextEdit.delete(comma, comma + 1));
            managed.allow(doc.line(comma), doc.line(comma));
        }
        if (!quiet.isEmpty()) {
            edits.add(quiet(indent, managed));
        }
        return edits;
    }

    /** A member's own lines (or its span, where it shares a line) with its separator. */
    private TextEdit removal(int i, ManagedLines managed) {
        JsonDocument.Member m = object.members().get(i);
        String s = doc.text().text();
        int comma = commaAfter(i);
        int end = comma >= 0 ? comma + 1 : m.value().end();
        int start = m.keyStart();
        if (doc.startsLine(m.keyStart()) && doc.restOfLineIsWhitespace(end)) {
            start = doc.text().lineStart(doc.line(m.keyStart()));
            end = doc.text().lineEndWithBreak(doc.line(end));
        } else {
            while (end < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
                end++;
            }
        }
        managed.allow(doc.line(m.keyStart()), doc.line(Math.max(m.keyStart(), end - 1)));
        return TextEdit.delete(start, end);
    }

    private List<TextEdit> append(int lastKept, boolean trailingStyle, String indent, ManagedLines managed) {
        List<TextEdit> edits = new ArrayList<>();
        String nl = style.lineEnding();
        int at;
        boolean ownLines;
        if (lastKept >= 0) {
            JsonDocument.Member k = object.members().get(lastKept);
            int comma = commaAfter(lastKept);
            int anchor;
            if (comma < 0) {
                edits.add(TextEdit.insert(k.value().end(), ","));
                anchor = k.value().end();
            } else {
                anchor = comma + 1;
            }
            int line = doc.line(anchor);
            ownLines = doc.restOfLineIsBlank(anchor) && doc.line(object.end() - 1) > line;
            at = ownLines ? doc.text().lineContentEnd(line) : anchor;
            managed.allow(doc.line(k.value().end()), line);
        } else {
            int open = object.start() + 1;
            int line = doc.line(open);
            ownLines = doc.restOfLineIsBlank(open) && doc.line(object.end() - 1) > line;
            at = ownLines ? doc.text().lineContentEnd(line) : open;
            managed.allow(line, line);
        }
        managed.allowInsertionBefore(doc.line(at) + 1);
        StringBuilder text = new StringBuilder();
        if (ownLines) {
            List<String> members = new ArrayList<>();
            appended.forEach((key, value) -> members.add(member(key, value, indent)));
            text.append(nl).append(indent).append(String.join("," + nl + indent, members));
            if (trailingStyle) {
                text.append(',');
            }
        } else if (lastKept >= 0) {
            List<String> members = new ArrayList<>();
            appended.forEach((key, value) -> members.add(inlineMember(key, value)));
            text.append(' ').append(String.join(", ", members));
            if (trailingStyle) {
                text.append(',');
            }
        } else {
            // an empty object on one line, such as {}: the members on lines of their own, the brace after them
            List<String> members = new ArrayList<>();
            appended.forEach((key, value) -> members.add(member(key, value, indent)));
            String closing = doc.leadingWhitespace(doc.line(object.start()));
            text.append(nl).append(indent).append(String.join("," + nl + indent, members));
            text.append(nl).append(closing);
        }
        edits.add(TextEdit.insert(at, text.toString()));
        return edits;
    }

    private TextEdit quiet(String indent, ManagedLines managed) {
        String nl = style.lineEnding();
        int anchor = object.start() + 1;
        boolean comma = false;
        if (quietAfter >= 0 && quietAfter < object.members().size()) {
            int c = commaAfter(quietAfter);
            if (c >= 0) {
                anchor = c + 1;
                comma = true;
            }
        }
        boolean empty = object.members().isEmpty();
        // new members are followed by a comma when an existing member comes after them, or the object's last
        // member has one (the trailing-comma style)
        boolean followed = !empty;
        List<String> members = new ArrayList<>();
        quiet.forEach((key, value) -> members.add(member(key, value, indent)));
        String block = nl + indent + String.join("," + nl + indent, members) + (followed ? "," : "");
        int line = doc.line(anchor);
        if (doc.restOfLineIsBlank(anchor) && doc.line(object.end() - 1) > line) {
            managed.allowInsertionBefore(line + 1);
            return TextEdit.insert(doc.text().lineContentEnd(line), block);
        }
        managed.allow(line, line);
        String after = empty || !followed ? nl + doc.leadingWhitespace(doc.line(object.start())) : nl + indent;
        return TextEdit.insert(anchor, block + after);
    }
}
