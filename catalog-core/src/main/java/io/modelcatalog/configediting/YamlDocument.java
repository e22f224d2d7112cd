package io.modelcatalog.configediting;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * A YAML file parsed for editing: its text, its node tree with positions (from snakeyaml-engine's low-level
 * events and tokens, so an alias has its own span rather than its anchor's), and its data (loaded by the same
 * library with duplicate keys refused). A file that does not parse, holds several documents, uses tabs for
 * indentation or repeats a key fails with a {@link ConfigEditException} naming line and column.
 */
public final class YamlDocument {

    private final ConfigText text;
    private final YamlNode root;
    private final Object data;

    /** The deepest nesting of lists and mappings accepted; a tool's config nests a handful deep. */
    static final int MAX_DEPTH = 500;

    private YamlDocument(ConfigText text, YamlNode root, Object data) {
        this.text = text;
        this.root = root;
        this.data = data;
    }

    public static YamlDocument parse(ConfigText text) {
        Path file = text.file();
        String label = file == null ? "text" : file.toString();
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        Object data;
        List<Integer> dashes;
        YamlNode root;
        try {
            checkDepth(settings, text);
            data = new Load(settings).loadFromString(text.text());
            dashes = blockEntries(settings, text);
            root = build(new Parse(settings).parseString(text.text()).iterator(), text, dashes);
        } catch (MarkedYamlEngineException e) {
            throw parseError(text, e);
        } catch (ReaderException e) {
            throw readerError(text, e);
        } catch (YamlEngineException e) {
            throw new ConfigEditException(
                    file, "is not valid YAML (" + e.getMessage() + ")", "fix the file, or restore it from a backup");
        }
        if (root != null) {
            attach(root, data);
        }
        return new YamlDocument(text, root, data);
    }

    public ConfigText text() {
        return text;
    }

    /** The root node; null for an empty document (no content, or comments only). */
    public YamlNode root() {
        return root;
    }

    /** The whole document's data. */
    public Object data() {
        return data;
    }

    /** The 0-based line of an offset. */
    public int line(int offset) {
        return text.lineOf(offset);
    }

    /** The 0-based line holding a node's last content character. */
    public int lastLine(YamlNode node) {
        return text.lineOf(Math.max(node.lineStart(), node.contentEnd() - 1));
    }

    /**
     * Refuses collections nested deeper than {@link #MAX_DEPTH} at the one that goes too deep, before the
     * recursive composer (and this class's tree building) would run out of stack on them. The event parser itself
     * keeps its states on a heap stack.
     */
    private static void checkDepth(LoadSettings settings, ConfigText text) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text.text())) {
            if (e.getEventId() == Event.ID.MappingStart || e.getEventId() == Event.ID.SequenceStart) {
                if (++depth > MAX_DEPTH) {
                    Mark at = e.getStartMark().orElse(null);
                    throw new ConfigEditException(
                            text.file(),
                            at == null ? 0 : at.getLine() + 1,
                            at == null ? 0 : at.getColumn() + 1,
                            "nests lists and mappings more than " + MAX_DEPTH + " deep (the one here is at depth "
                                    + (MAX_DEPTH + 1) + ")",
                            "no tool config nests that deep: the file is damaged or not a config; restore it from a"
                                    + " backup");
                }
            } else if (e.getEventId() == Event.ID.MappingEnd || e.getEventId() == Event.ID.SequenceEnd) {
                depth--;
            }
        }
    }

    /**
     * A character YAML does not allow in a file (a NUL byte, another control character): the reader gives its
     * position in code points from the start, which becomes a line and column.
     */
    private static ConfigEditException readerError(ConfigText text, ReaderException e) {
        String t = text.text();
        int codePoints = t.codePointCount(0, t.length());
        int offset = t.offsetByCodePoints(0, Math.min(Math.max(e.getPosition(), 0), codePoints));
        int line = text.lineOf(offset);
        int lineStart = text.lineStart(line);
        int column = t.codePointCount(lineStart, offset) + 1;
        return new ConfigEditException(
                text.file(),
                line + 1,
                column,
                String.format(
                        "is not valid YAML: it holds the character U+%04X, which YAML does not allow in a file%s",
                        e.getCodePoint(), e.getCodePoint() == 0 ? " (a NUL byte: a binary or truncated file?)" : ""),
                "remove that character (the tool itself cannot read the file either), or restore the file from a"
                        + " backup");
    }

    private static ConfigEditException parseError(ConfigText text, MarkedYamlEngineException e) {
        Optional<Mark> problem = e.getProblemMark();
        Optional<Mark> context = e.getContextMark();
        String what = e.getProblem() == null ? "" : e.getProblem();
        if (e instanceof DuplicateKeyException) {
            Mark at = problem.orElse(context.orElse(null));
            return new ConfigEditException(
                    text.file(),
                    at == null ? 0 : at.getLine() + 1,
                    at == null ? 0 : at.getColumn() + 1,
                    "repeats a key (" + what + ")"
                            + context.map(m -> "; the mapping starts on line " + (m.getLine() + 1))
                                    .orElse(""),
                    "keep one of the two entries; YAML readers disagree on which one wins");
        }
        if (what.contains("\\t") || what.contains("TAB")) {
            Mark at = problem.orElse(context.orElse(null));
            return new ConfigEditException(
                    text.file(),
                    at == null ? 0 : at.getLine() + 1,
                    at == null ? 0 : at.getColumn() + 1,
                    "is indented with a tab",
                    "YAML allows only spaces for indentation: replace the tabs at the start of that line with spaces");
        }
        // the context mark, where present, is where the construct that failed starts (the broken line)
        Mark at = context.orElse(problem.orElse(null));
        StringBuilder problemText = new StringBuilder("is not valid YAML: ");
        if (e.getContext() != null) {
            problemText.append(e.getContext()).append(", ");
        }
        problemText.append(what);
        if (context.isPresent() && problem.isPresent()) {
            problemText
                    .append(" (at line ")
                    .append(problem.get().getLine() + 1)
                    .append(", column ")
                    .append(problem.get().getColumn() + 1)
                    .append(')');
        }
        return new ConfigEditException(
                text.file(),
                at == null ? 0 : at.getLine() + 1,
                at == null ? 0 : at.getColumn() + 1,
                problemText.toString(),
                "fix that line (the tool itself cannot read the file either), or restore the file from a backup");
    }

    /** The offsets of every block sequence {@code -} indicator, in order. */
    private static List<Integer> blockEntries(LoadSettings settings, ConfigText text) {
        List<Integer> out = new ArrayList<>();
        ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text.text()));
        while (scanner.hasNext()) {
            Token t = scanner.next();
            if (t.getTokenId() == Token.ID.BlockEntry) {
                out.add(offset(text, t.getStartMark()));
            }
        }
        return out;
    }

    private static int offset(ConfigText text, Optional<Mark> mark) {
        Mark m = mark.orElseThrow(() -> new IllegalStateException("the parser gave no position"));
        return text.offset(m.getLine(), m.getColumn());
    }

    private static YamlNode build(Iterator<Event> events, ConfigText text, List<Integer> dashes) {
        Deque<YamlNode> stack = new ArrayDeque<>();
        Deque<YamlNode> pendingKeys = new ArrayDeque<>();
        YamlNode root = null;
        int dashIndex = 0;
        while (events.hasNext()) {
            Event e = events.next();
            YamlNode node = null;
            switch (e.getEventId()) {
                case Scalar -> node = scalar((ScalarEvent) e, text);
                case Alias -> {
                    AliasEvent a = (AliasEvent) e;
                    int s = offset(text, a.getStartMark());
                    node = new YamlNode(
                            YamlNode.Kind.ALIAS,
                            false,
                            s,
                            offset(text, a.getEndMark()),
                            null,
                            a.getAlias().getValue(),
                            null,
                            false);
                }
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) e;
                    int s = offset(text, c.getStartMark());
                    node = new YamlNode(
                            e.getEventId() == Event.ID.MappingStart ? YamlNode.Kind.MAPPING : YamlNode.Kind.SEQUENCE,
                            c.isFlow(),
                            s,
                            s,
                            anchor(c),
                            null,
                            null,
                            false);
                }
                case MappingEnd, SequenceEnd -> {
                    YamlNode done = stack.pop();
                    if (done.isFlow()) {
                        done.extendContentEnd(offset(text, e.getEndMark()));
                    }
                    if (done.isMapping()) {
                        pendingKeys.pop();
                    }
                    node = null;
                    finish(done, stack, pendingKeys);
                    if (stack.isEmpty()) {
                        root = done;
                    }
                }
                default -> {
                    // stream and document boundaries, comments: no node
                }
            }
            if (node == null) {
                continue;
            }
            YamlNode parent = stack.peek();
            if (parent != null && parent.isSequence() && !parent.isFlow()) {
                // the item's "-" is the last block entry indicator before the item's first token
                while (dashIndex + 1 < dashes.size() && dashes.get(dashIndex + 1) <= node.start()) {
                    dashIndex++;
                }
                if (dashIndex < dashes.size() && dashes.get(dashIndex) <= node.start()) {
                    node.setDash(dashes.get(dashIndex));
                }
            }
            if (node.kind() == YamlNode.Kind.MAPPING || node.kind() == YamlNode.Kind.SEQUENCE) {
                stack.push(node);
                if (node.isMapping()) {
                    pendingKeys.push(new YamlNode(YamlNode.Kind.SCALAR, false, -1, -1, null, null, null, false));
                }
            } else {
                finish(node, stack, pendingKeys);
                if (stack.isEmpty()) {
                    root = node;
                }
            }
        }
        return root;
    }

    /** Adds a completed node to its parent: as an item, as a key, or as the value of the pending key. */
    private static void finish(YamlNode node, Deque<YamlNode> stack, Deque<YamlNode> pendingKeys) {
        YamlNode parent = stack.peek();
        if (parent == null) {
            return;
        }
        if (parent.isSequence()) {
            parent.addItem(node);
        } else {
            YamlNode key = pendingKeys.pop();
            if (key.start() < 0) {
                pendingKeys.push(node);
                if (!parent.isFlow()) {
                    parent.extendContentEnd(node.contentEnd());
                }
                return;
            }
            parent.addPair(key, node);
            pendingKeys.push(new YamlNode(YamlNode.Kind.SCALAR, false, -1, -1, null, null, null, false));
        }
        if (!parent.isFlow() && !isEmptyScalar(node)) {
            parent.extendContentEnd(node.contentEnd());
        }
    }

    /** A value with no text at all ("key:" and nothing): its position is not on the key's line. */
    public static boolean isEmptyScalar(YamlNode node) {
        return node.kind() == YamlNode.Kind.SCALAR
                && !node.isBlockScalar()
                && node.start() == node.contentEnd()
                && "".equals(node.scalarValue());
    }

    private static YamlNode scalar(ScalarEvent s, ConfigText text) {
        int start = offset(text, s.getStartMark());
        int end = offset(text, s.getEndMark());
        boolean block = s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED;
        if (s.getScalarStyle() == ScalarStyle.PLAIN
                && s.getValue().isEmpty()
                && s.getAnchor().isEmpty()) {
            // an empty value ("key:" and nothing) has no text; its marks may sit on the next token
            end = start = Math.min(start, end);
        } else if (block) {
            end = blockScalarEnd(text.text(), start, end);
        }
        return new YamlNode(
                YamlNode.Kind.SCALAR, false, start, Math.max(start, end), anchor(s), null, s.getValue(), block);
    }

    /**
     * The parser ends a block scalar where the next token starts, after the blank lines that follow it. Unless
     * its header keeps trailing line breaks ({@code +}), its content ends at its last non-blank character.
     */
    private static int blockScalarEnd(String text, int start, int end) {
        int header = start;
        // skip the node's properties (anchor, tag) to reach the | or > header
        while (header < end && (text.charAt(header) == '&' || text.charAt(header) == '!')) {
            while (header < end && !Character.isWhitespace(text.charAt(header))) {
                header++;
            }
            while (header < end && (text.charAt(header) == ' ' || text.charAt(header) == '\t')) {
                header++;
            }
        }
        int h = header + 1;
        boolean keep = false;
        while (h < end && "123456789+-".indexOf(text.charAt(h)) >= 0) {
            keep |= text.charAt(h) == '+';
            h++;
        }
        if (keep) {
            return end;
        }
        int p = end;
        while (p > h && Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    private static String anchor(NodeEvent e) {
        return e.getAnchor().map(Anchor::getValue).orElse(null);
    }

    /** Gives each node its loaded data, walking the tree and the data side by side. */
    private static void attach(YamlNode node, Object data) {
        node.setData(data);
        if (node.kind() == YamlNode.Kind.MAPPING && data instanceof Map<?, ?> map) {
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            for (int i = 0; i < node.keys().size() && it.hasNext(); i++) {
                Map.Entry<?, ?> entry = it.next();
                attach(node.keys().get(i), entry.getKey());
                attach(node.values().get(i), entry.getValue());
            }
        } else if (node.kind() == YamlNode.Kind.SEQUENCE && data instanceof List<?> list) {
            for (int i = 0; i < node.items().size() && i < list.size(); i++) {
                attach(node.items().get(i), list.get(i));
            }
        }
    }
}
