package io.modelcatalog.configediting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Turns a {@link YamlDesired} into text edits of a YAML file, touching only what differs. All positions come from
 * the parser ({@link YamlDocument}); edits are cut at line boundaries where whole entries go or come, so the
 * comments and blank lines after an entry (which the parser's own span of a block mapping swallows) stay where
 * they are, and a comment on an entry's last line stays on that line.
 *
 * <p>New text follows the file: its line ending, the indentation of the mapping or sequence it joins, and for
 * deeper levels the file's own indentation step and sequence indentation (detected from the first nested
 * mapping and the first sequence under a key; 2 and 2 when the file has none). Text of new entries is copied
 * from the generated document and re-indented, so its quoting and comments are the generator's.
 *
 * <p>One editor is used for one edit of one document; it is not thread-safe.
 */
public final class YamlEditor {

    private final YamlDocument doc;
    private final ConfigText text;
    private final String source;
    private final String nl;
    private final int step;
    private final int sequenceIndent;
    private final List<TextEdit> edits = new ArrayList<>();
    /** Spans of the original text that are deleted or replaced (not pure insertions), for the anchor check. */
    private final List<Span> rewritten = new ArrayList<>();

    public YamlEditor(YamlDocument doc) {
        this.doc = doc;
        this.text = doc.text();
        this.source = text.text();
        this.nl = text.lineEnding();
        Style style = detectStyle(doc);
        this.step = style.step();
        this.sequenceIndent = style.sequenceIndent();
    }

    /** The file's indentation step (spaces per nesting level of a mapping). */
    public int step() {
        return step;
    }

    /** How far a block sequence under a key is indented past the key (0: "indentless" sequences). */
    public int sequenceIndent() {
        return sequenceIndent;
    }

    /**
     * The edited text: the document's root made what {@code desired} says. The root must be a block mapping (or
     * the document empty).
     */
    public String apply(YamlDesired desired) {
        YamlNode root = doc.root();
        if (root == null || YamlDocument.isEmptyScalar(root)) {
            if (!(desired instanceof YamlDesired.Mapping m)) {
                throw new IllegalArgumentException("an empty document can only receive a mapping");
            }
            List<String> lines = new ArrayList<>();
            for (YamlDesired.Mapping.Entry e : m.entries()) {
                lines.addAll(renderPair(e, 0));
            }
            if (!lines.isEmpty()) {
                String prefix = source.isEmpty() || text.endsWithLineBreak() ? "" : nl;
                insert(source.length(), prefix + String.join(nl, lines) + nl);
            }
        } else if (!root.isMapping() || root.isFlow()) {
            throw new ConfigEditException(
                    text.file(),
                    doc.line(root.start()) + 1,
                    text.column(root.start()),
                    "its top level is not a block mapping (key: value lines)",
                    "write the file as the tool documents it, with one key per line at the top level");
        } else {
            edit(root, Slot.root(), desired);
        }
        checkAnchors();
        return TextEdit.apply(source, edits);
    }

    // ---- dispatch ----

    private void edit(YamlNode node, Slot slot, YamlDesired desired) {
        if (desired instanceof YamlDesired.Keep) {
            return;
        }
        if (desired instanceof YamlDesired.Generated g) {
            if (Objects.equals(node.data(), g.data())) {
                return;
            }
            if (isBlockCollection(g.node())) {
                replaceWithBlock(node, slot, renderBlock(g, childColumn(slot, g.node())));
            } else {
                replaceInline(node, slot, withAnchor(node, generatedText(g)));
            }
            return;
        }
        if (desired instanceof YamlDesired.Mapping m) {
            if (node.isMapping() && !node.isFlow() && node.alias() == null) {
                editMapping(node, slot, m);
            } else if (!Objects.equals(node.data(), m.data())) {
                replaceWholesale(node, slot, desired);
            }
            return;
        }
        YamlDesired.Sequence s = (YamlDesired.Sequence) desired;
        if (node.isSequence()
                && !node.isFlow()
                && node.alias() == null
                && !node.items().isEmpty()) {
            editSequence(node, slot, s);
        } else if (!Objects.equals(node.data(), s.data())) {
            replaceWholesale(node, slot, desired);
        }
    }

    /** A value that is not a block collection (or an alias, or empty) takes the desired value as a whole. */
    private void replaceWholesale(YamlNode node, Slot slot, YamlDesired desired) {
        if (node.alias() != null) {
            throw new ConfigEditException(
                    text.file(),
                    doc.line(node.start()) + 1,
                    text.column(node.start()),
                    "an entry to update is an alias (*" + node.alias() + ") of a node defined elsewhere",
                    "write the entry out in full instead of the alias, then run again");
        }
        if (renderableAsBlock(desired)) {
            replaceWithBlock(node, slot, renderBlock(desired, childColumn(slot, desired)));
        } else {
            replaceInline(node, slot, withAnchor(node, flow(desired.data())));
        }
    }

    // ---- mappings ----

    private void editMapping(YamlNode node, Slot slot, YamlDesired.Mapping m) {
        int remaining = 0;
        Set<Object> userKeys = new HashSet<>();
        for (int i = 0; i < node.keys().size(); i++) {
            Object key = node.keys().get(i).data();
            userKeys.add(key);
            YamlDesired.Mapping.Entry e = m.entry(key);
            if (e == null || e.isNew()) {
                removePair(node, i);
            } else {
                remaining++;
                edit(node.values().get(i), Slot.value(node, i), e.value());
            }
        }
        List<YamlDesired.Mapping.Entry> added = new ArrayList<>();
        for (YamlDesired.Mapping.Entry e : m.entries()) {
            if (e.isNew() || !userKeys.contains(e.key())) {
                added.add(e);
            }
        }
        if (remaining == 0 && added.isEmpty()) {
            replaceInline(node, slot, "{}");
            return;
        }
        if (!added.isEmpty()) {
            int keyColumn = column(node.keys().get(0).start());
            List<String> lines = new ArrayList<>();
            for (YamlDesired.Mapping.Entry e : added) {
                lines.addAll(renderPair(e, keyColumn));
            }
            insertLinesAfter(doc.lastLine(node), lines);
        }
    }

    private void removePair(YamlNode node, int i) {
        YamlNode key = node.keys().get(i);
        YamlNode value = node.values().get(i);
        int last = Math.max(doc.lastLine(key), YamlDocument.isEmptyScalar(value) ? 0 : doc.lastLine(value));
        if (onlyIndentBefore(key.start())) {
            deleteLines(doc.line(key.start()), last);
        } else if (i + 1 < node.keys().size()) {
            // the first pair of a "- key: value" item: the next pair moves up behind the "-"
            delete(key.start(), node.keys().get(i + 1).start());
        } else {
            replace(key.start(), Math.max(key.contentEnd(), value.contentEnd()), "{}");
        }
    }

    // ---- sequences ----

    private void editSequence(YamlNode node, Slot slot, YamlDesired.Sequence s) {
        Map<YamlNode, YamlDesired> kept = new IdentityHashMap<>();
        List<YamlDesired.Sequence.Item> added = new ArrayList<>();
        for (YamlDesired.Sequence.Item item : s.items()) {
            if (item.userItem() == null) {
                added.add(item);
            } else {
                kept.put(item.userItem(), item.value());
            }
        }
        if (kept.isEmpty() && added.isEmpty()) {
            replaceInline(node, slot, "[]");
            return;
        }
        for (int j = 0; j < node.items().size(); j++) {
            YamlNode item = node.items().get(j);
            YamlDesired d = kept.get(item);
            if (d == null) {
                removeItem(item);
            } else {
                edit(item, Slot.item(node, j), d);
            }
        }
        if (!added.isEmpty()) {
            int dashColumn = column(node.items().get(0).dash());
            List<String> lines = new ArrayList<>();
            for (YamlDesired.Sequence.Item item : added) {
                lines.addAll(renderItem(item.value(), dashColumn));
            }
            insertLinesAfter(doc.lastLine(node), lines);
        }
    }

    private void removeItem(YamlNode item) {
        if (item.dash() < 0 || !onlyIndentBefore(item.dash())) {
            throw new ConfigEditException(
                    text.file(),
                    doc.line(item.start()) + 1,
                    text.column(item.start()),
                    "an item to remove shares its line with other content (a compact nested sequence)",
                    "put the item on a line of its own, or use the replace strategy");
        }
        deleteLines(doc.line(item.dash()), doc.lastLine(item));
    }

    // ---- replacing one value ----

    /** Replaces a value by inline text (a scalar or a flow collection), on the line of its key or "-". */
    private void replaceInline(YamlNode node, Slot slot, String inline) {
        if (slot.kind == Slot.Kind.ROOT) {
            replace(node.start(), node.contentEnd(), inline);
            return;
        }
        int indicator = slot.indicator(source);
        if (YamlDocument.isEmptyScalar(node)) {
            insert(indicator + 1, " " + inline);
        } else if (doc.line(node.start()) == doc.line(indicator)) {
            replace(node.start(), node.contentEnd(), inline);
        } else {
            replace(indicator + 1, node.contentEnd(), " " + inline);
        }
    }

    /** Replaces a value by block lines (already indented) below its key, or an item by a block item. */
    private void replaceWithBlock(YamlNode node, Slot slot, List<String> lines) {
        if (slot.kind == Slot.Kind.ITEM) {
            // the item's first line continues after its "-"
            int dash = slot.indicator(source);
            String first = lines.get(0).stripLeading();
            String rest = lines.size() > 1 ? nl + String.join(nl, lines.subList(1, lines.size())) : "";
            if (YamlDocument.isEmptyScalar(node)) {
                insert(dash + 1, " " + first + rest);
            } else if (doc.line(node.start()) == doc.line(dash)) {
                replace(node.start(), node.contentEnd(), first + rest);
            } else {
                replace(dash + 1, node.contentEnd(), " " + first + rest);
            }
            return;
        }
        if (slot.kind == Slot.Kind.ROOT) {
            replace(node.start(), node.contentEnd(), String.join(nl, lines));
            return;
        }
        int colon = slot.indicator(source);
        int colonLine = doc.line(colon);
        String block = String.join(nl, lines);
        if (YamlDocument.isEmptyScalar(node)) {
            insert(text.lineContentEnd(colonLine), nl + block);
        } else if (doc.line(node.start()) > colonLine) {
            replace(text.lineStart(doc.line(node.start())), text.lineContentEnd(doc.lastLine(node)), block);
        } else if (doc.lastLine(node) == colonLine) {
            // an inline value ("key: []"): removed, the block goes below the line (its comment stays)
            delete(colon + 1, node.contentEnd());
            insert(text.lineContentEnd(colonLine), nl + block);
        } else {
            replace(colon + 1, node.contentEnd(), nl + block);
        }
    }

    private static String withAnchor(YamlNode node, String inline) {
        return node.anchor() == null ? inline : "&" + node.anchor() + " " + inline;
    }

    // ---- rendering new text ----

    /** The column that a block value of a slot starts at. */
    private int childColumn(Slot slot, Object value) {
        boolean sequence = value instanceof YamlNode n
                ? n.isSequence()
                : value instanceof YamlDesired.Sequence
                        || (value instanceof YamlDesired.Generated g && g.node().isSequence());
        return switch (slot.kind) {
            case ROOT -> 0;
            case ITEM -> column(slot.indicator(source)) + 2;
            case VALUE -> column(slot.parent.keys().get(slot.index).start()) + (sequence ? sequenceIndent : step);
        };
    }

    private static boolean isBlockCollection(YamlNode n) {
        return (n.isMapping() && !n.isFlow() && !n.keys().isEmpty())
                || (n.isSequence() && !n.isFlow() && !n.items().isEmpty());
    }

    private static boolean renderableAsBlock(YamlDesired d) {
        if (d instanceof YamlDesired.Generated g) {
            return isBlockCollection(g.node());
        }
        if (d instanceof YamlDesired.Mapping m) {
            return !m.entries().isEmpty() && m.entries().stream().allMatch(e -> e.isNew() || renderable(e.value()));
        }
        if (d instanceof YamlDesired.Sequence s) {
            return !s.items().isEmpty()
                    && s.items().stream().allMatch(i -> i.userItem() == null && renderable(i.value()));
        }
        return false;
    }

    private static boolean renderable(YamlDesired d) {
        return d instanceof YamlDesired.Generated || renderableAsBlock(d);
    }

    /** Lines of a block collection value at {@code column}. */
    private List<String> renderBlock(YamlDesired d, int column) {
        if (d instanceof YamlDesired.Generated g) {
            YamlNode n = g.node();
            if (n.isMapping()) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < n.keys().size(); i++) {
                    lines.addAll(renderPair(YamlDesired.Mapping.Entry.add(g.document(), n, i), column));
                }
                return lines;
            }
            List<String> lines = new ArrayList<>();
            for (YamlNode item : n.items()) {
                lines.addAll(renderItem(new YamlDesired.Generated(g.document(), item), column));
            }
            return lines;
        }
        List<String> lines = new ArrayList<>();
        if (d instanceof YamlDesired.Mapping m) {
            for (YamlDesired.Mapping.Entry e : m.entries()) {
                lines.addAll(renderPair(e, column));
            }
        } else {
            for (YamlDesired.Sequence.Item i : ((YamlDesired.Sequence) d).items()) {
                lines.addAll(renderItem(i.value(), column));
            }
        }
        return lines;
    }

    /** A new pair's lines with its key at {@code column}. */
    private List<String> renderPair(YamlDesired.Mapping.Entry e, int column) {
        if (e.isNew()) {
            YamlDocument g = e.generatedDocument();
            YamlNode key = e.generatedKey();
            YamlNode value = ((YamlDesired.Generated) e.value()).node();
            YamlNode parent = parentMapping(g, key);
            Map<Integer, Integer> columns = new HashMap<>();
            mapMapping(g, parent, column, columns);
            int last =
                    YamlDocument.isEmptyScalar(value) ? g.lastLine(key) : Math.max(g.lastLine(key), g.lastLine(value));
            return generatedLines(g, key.start(), trailingComments(g, last, column(g, key.start())), columns);
        }
        String keyText = flow(e.key());
        if (renderableAsBlock(e.value())) {
            boolean sequence = e.value() instanceof YamlDesired.Sequence
                    || (e.value() instanceof YamlDesired.Generated g && g.node().isSequence());
            List<String> lines = new ArrayList<>();
            lines.add(" ".repeat(column) + keyText + ":");
            lines.addAll(renderBlock(e.value(), column + (sequence ? sequenceIndent : step)));
            return lines;
        }
        String value = e.value() instanceof YamlDesired.Generated g && !isBlockCollection(g.node())
                ? generatedText(g)
                : flow(e.value().data());
        return List.of(" ".repeat(column) + keyText + ": " + value);
    }

    /** A new item's lines with its "-" at {@code dashColumn}. */
    private List<String> renderItem(YamlDesired value, int dashColumn) {
        if (value instanceof YamlDesired.Generated g && g.node().dash() >= 0) {
            YamlDocument gd = g.document();
            YamlNode item = g.node();
            YamlNode parent = parentSequence(gd, item);
            Map<Integer, Integer> columns = new HashMap<>();
            mapSequence(gd, parent, dashColumn, columns);
            return generatedLines(
                    gd, item.dash(), trailingComments(gd, gd.lastLine(item), column(gd, item.dash())), columns);
        }
        if (renderableAsBlock(value)) {
            List<String> lines = new ArrayList<>(renderBlock(value, dashColumn + 2));
            String first = lines.get(0);
            lines.set(0, " ".repeat(dashColumn) + "- " + first.stripLeading());
            return lines;
        }
        String inline = value instanceof YamlDesired.Generated g ? generatedText(g) : flow(value.data());
        return List.of(" ".repeat(dashColumn) + "- " + inline);
    }

    /**
     * The lines of a generated document from offset {@code start} (a key or an item's "-"; text before it on
     * its line is left out) to line {@code last}, each re-indented by the column map (a column the map does not
     * know keeps its offset from the fragment's first line).
     */
    private static List<String> generatedLines(YamlDocument g, int start, int last, Map<Integer, Integer> columns) {
        ConfigText gt = g.text();
        int first = g.line(start);
        int baseFrom = gt.column(start) - 1;
        int baseTo = columns.getOrDefault(baseFrom, baseFrom);
        List<String> out = new ArrayList<>();
        out.add(" ".repeat(baseTo) + gt.text().substring(start, gt.lineContentEnd(first)));
        for (int line = first + 1; line <= last; line++) {
            String content = gt.text().substring(gt.lineStart(line), gt.lineContentEnd(line));
            if (content.isBlank()) {
                out.add("");
                continue;
            }
            int from = gt.indentation(line);
            int to = columns.getOrDefault(from, Math.max(0, from - baseFrom + baseTo));
            out.add(" ".repeat(to) + content.substring(from));
        }
        return out;
    }

    /**
     * The generator writes notes as comment lines after a model's fields ("# from LiteLLM's map: ..."): they
     * belong to the fragment when indented deeper than its first line. Only generated text is read this way.
     */
    private static int trailingComments(YamlDocument g, int last, int fragmentColumn) {
        ConfigText gt = g.text();
        int line = last;
        while (line + 1 < gt.lineCount()) {
            String content = gt.text().substring(gt.lineStart(line + 1), gt.lineContentEnd(line + 1));
            if (!content.stripLeading().startsWith("#") || gt.indentation(line + 1) <= fragmentColumn) {
                break;
            }
            line++;
        }
        return line;
    }

    private void mapMapping(YamlDocument g, YamlNode m, int target, Map<Integer, Integer> columns) {
        if (m == null || !m.isMapping() || m.isFlow() || m.keys().isEmpty()) {
            return;
        }
        columns.putIfAbsent(column(g, m.keys().get(0).start()), target);
        for (YamlNode v : m.values()) {
            if (v.isMapping() && !v.isFlow()) {
                mapMapping(g, v, target + step, columns);
            } else if (v.isSequence() && !v.isFlow()) {
                mapSequence(g, v, target + sequenceIndent, columns);
            }
        }
    }

    private void mapSequence(YamlDocument g, YamlNode s, int dashTarget, Map<Integer, Integer> columns) {
        if (s == null || s.items().isEmpty() || s.isFlow()) {
            return;
        }
        columns.putIfAbsent(column(g, s.items().get(0).dash()), dashTarget);
        for (YamlNode item : s.items()) {
            if (item.isMapping() && !item.isFlow()) {
                mapMapping(g, item, dashTarget + 2, columns);
            }
        }
    }

    private static YamlNode parentMapping(YamlDocument g, YamlNode key) {
        YamlNode found = findParent(g.root(), key);
        if (found == null) {
            throw new IllegalArgumentException("key not in its document");
        }
        return found;
    }

    private static YamlNode parentSequence(YamlDocument g, YamlNode item) {
        YamlNode found = findParent(g.root(), item);
        if (found == null) {
            throw new IllegalArgumentException("item not in its document");
        }
        return found;
    }

    private static YamlNode findParent(YamlNode from, YamlNode child) {
        if (from == null) {
            return null;
        }
        for (YamlNode k : from.keys()) {
            if (k == child) {
                return from;
            }
        }
        for (YamlNode i : from.items()) {
            if (i == child) {
                return from;
            }
        }
        for (YamlNode v : from.values()) {
            YamlNode p = findParent(v, child);
            if (p != null) {
                return p;
            }
        }
        for (YamlNode i : from.items()) {
            YamlNode p = findParent(i, child);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String generatedText(YamlDesired.Generated g) {
        return g.document().text().text().substring(g.node().start(), g.node().contentEnd());
    }

    /** Data as a one-line flow YAML value (for values that are not copied from generated text). */
    private static String flow(Object data) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.FLOW)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .build();
        String s = new Dump(settings).dumpToString(data);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- text edits ----

    private void insertLinesAfter(int line, List<String> lines) {
        int at = text.lineEndWithBreak(line);
        String block = String.join(nl, lines);
        boolean lastWithoutBreak = at == source.length() && !text.endsWithLineBreak();
        insert(at, lastWithoutBreak ? nl + block : block + nl);
    }

    /** Deletes whole lines, line breaks included (the previous line's break when the last has none). */
    private void deleteLines(int first, int last) {
        int start = text.lineStart(first);
        int end = text.lineEndWithBreak(last);
        if (end == source.length() && !text.endsWithLineBreak() && first > 0) {
            start = text.lineContentEnd(first - 1);
        }
        delete(start, end);
    }

    private void insert(int at, String s) {
        edits.add(TextEdit.insert(at, s));
    }

    private void delete(int start, int end) {
        replace(start, end, "");
    }

    private void replace(int start, int end, String s) {
        edits.add(new TextEdit(start, end, s));
        if (end > start) {
            rewritten.add(new Span(start, end));
        }
    }

    private boolean onlyIndentBefore(int offset) {
        int lineStart = text.lineStart(doc.line(offset));
        for (int i = lineStart; i < offset; i++) {
            if (source.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private int column(int offset) {
        return text.column(offset) - 1;
    }

    private static int column(YamlDocument g, int offset) {
        return g.text().column(offset) - 1;
    }

    /**
     * An anchor inside text that is removed or rewritten must not be used by an alias that stays: the file would
     * no longer parse, or the alias would change its value.
     */
    private void checkAnchors() {
        if (rewritten.isEmpty() || doc.root() == null) {
            return;
        }
        Map<String, YamlNode> lostAnchors = new HashMap<>();
        List<YamlNode> aliases = new ArrayList<>();
        collect(doc.root(), lostAnchors, aliases);
        for (YamlNode alias : aliases) {
            YamlNode anchor = lostAnchors.get(alias.alias());
            if (anchor != null && !inRewritten(alias.start()) && alias.start() > anchor.start()) {
                throw new ConfigEditException(
                        text.file(),
                        doc.line(alias.start()) + 1,
                        text.column(alias.start()),
                        "the alias *" + alias.alias() + " refers to the anchor &" + alias.alias() + " on line "
                                + (doc.line(anchor.start()) + 1) + ", inside an entry this update rewrites",
                        "write the value out at the alias (or move the anchor out of the managed entry), then run"
                                + " again");
            }
        }
    }

    private void collect(YamlNode node, Map<String, YamlNode> lostAnchors, List<YamlNode> aliases) {
        if (node.anchor() != null && inRewritten(node.start())) {
            lostAnchors.put(node.anchor(), node);
        }
        if (node.alias() != null) {
            aliases.add(node);
        }
        for (int i = 0; i < node.keys().size(); i++) {
            collect(node.keys().get(i), lostAnchors, aliases);
            collect(node.values().get(i), lostAnchors, aliases);
        }
        for (YamlNode item : node.items()) {
            collect(item, lostAnchors, aliases);
        }
    }

    private boolean inRewritten(int offset) {
        return rewritten.stream().anyMatch(span -> span.contains(offset));
    }

    /**
     * The file's indentation step (first block mapping nested in a block mapping) and its sequence indentation
     * (first block sequence that is a mapping's value, relative to the key).
     */
    private static Style detectStyle(YamlDocument doc) {
        StyleSearch found = new StyleSearch();
        if (doc.root() != null) {
            detect(doc, doc.root(), found);
        }
        return new Style(found.step > 0 ? found.step : 2, found.sequenceIndent >= 0 ? found.sequenceIndent : 2);
    }

    /** A text span of the original, {@code start} inclusive, {@code end} exclusive. */
    private record Span(int start, int end) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** How a file indents: a mapping's step, and a block sequence's indentation past its key. */
    private record Style(int step, int sequenceIndent) {}

    /** What {@link #detect} has found so far (-1: nothing yet). */
    private static final class StyleSearch {
        int step = -1;
        int sequenceIndent = -1;

        boolean done() {
            return step > 0 && sequenceIndent >= 0;
        }
    }

    private static void detect(YamlDocument doc, YamlNode node, StyleSearch found) {
        if (found.done()) {
            return;
        }
        if (node.isMapping() && !node.isFlow()) {
            for (int i = 0; i < node.keys().size(); i++) {
                YamlNode key = node.keys().get(i);
                YamlNode value = node.values().get(i);
                int keyColumn = column(doc, key.start());
                if (found.step <= 0
                        && value.isMapping()
                        && !value.isFlow()
                        && !value.keys().isEmpty()
                        && doc.line(value.start()) > doc.line(key.start())) {
                    found.step = column(doc, value.keys().get(0).start()) - keyColumn;
                }
                if (found.sequenceIndent < 0
                        && value.isSequence()
                        && !value.isFlow()
                        && !value.items().isEmpty()
                        && value.items().get(0).dash() >= 0) {
                    found.sequenceIndent = column(doc, value.items().get(0).dash()) - keyColumn;
                }
                detect(doc, value, found);
            }
        } else if (node.isSequence() && !node.isFlow()) {
            for (YamlNode item : node.items()) {
                detect(doc, item, found);
            }
        }
    }

    /** Where a node sits: the root, the value of a mapping's pair, or an item of a sequence. */
    private static final class Slot {
        enum Kind {
            ROOT,
            VALUE,
            ITEM
        }

        final Kind kind;
        final YamlNode parent;
        final int index;

        private Slot(Kind kind, YamlNode parent, int index) {
            this.kind = kind;
            this.parent = parent;
            this.index = index;
        }

        static Slot root() {
            return new Slot(Kind.ROOT, null, -1);
        }

        static Slot value(YamlNode mapping, int index) {
            return new Slot(Kind.VALUE, mapping, index);
        }

        static Slot item(YamlNode sequence, int index) {
            return new Slot(Kind.ITEM, sequence, index);
        }

        /** The offset of the value indicator: the ":" after a key, or an item's "-". */
        int indicator(String source) {
            if (kind == Kind.ITEM) {
                return parent.items().get(index).dash();
            }
            YamlNode key = parent.keys().get(index);
            int i = key.contentEnd();
            while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            if (i >= source.length() || source.charAt(i) != ':') {
                throw new IllegalStateException("no ':' after the key at offset " + key.start());
            }
            return i;
        }
    }
}
