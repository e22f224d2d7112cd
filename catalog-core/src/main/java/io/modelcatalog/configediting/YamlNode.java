package io.modelcatalog.configediting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A node of a YAML document as the parser's events place it in the text: char offsets into
 * {@link ConfigText#text()}, never guessed from the text. Built by {@link YamlDocument}.
 *
 * <p>{@link #start()} is where the node's first token starts (its anchor or tag, if any). {@link #contentEnd()}
 * is just after its last character of content: for a scalar, alias or flow collection, the end of its token;
 * for a block collection, the largest content end of its children (the parser's own end of a block collection
 * runs to the next token and swallows the blank lines and comments that follow); for a block scalar, the end
 * of its last non-blank line unless it keeps its trailing line breaks ({@code |+}). A sequence item also knows
 * the offset of its {@code -} indicator.
 */
public final class YamlNode {

    /** What a node is. */
    public enum Kind {
        MAPPING,
        SEQUENCE,
        SCALAR,
        ALIAS
    }

    private final Kind kind;
    private final boolean flow;
    private final int start;
    private int contentEnd;
    private final String anchor;
    private final String alias;
    private final String scalarValue;
    private final boolean blockScalar;
    private final List<YamlNode> keys = new ArrayList<>();
    private final List<YamlNode> values = new ArrayList<>();
    private final List<YamlNode> items = new ArrayList<>();
    private int dash = -1;
    private Object data;

    YamlNode(
            Kind kind,
            boolean flow,
            int start,
            int contentEnd,
            String anchor,
            String alias,
            String scalarValue,
            boolean blockScalar) {
        this.kind = Objects.requireNonNull(kind);
        this.flow = flow;
        this.start = start;
        this.contentEnd = contentEnd;
        this.anchor = anchor;
        this.alias = alias;
        this.scalarValue = scalarValue;
        this.blockScalar = blockScalar;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** A flow collection ({@code [..]}, <code>{..}</code>); false for block collections and other nodes. */
    public boolean isFlow() {
        return flow;
    }

    /** A literal or folded block scalar ({@code |}, {@code >}). */
    public boolean isBlockScalar() {
        return blockScalar;
    }

    public int start() {
        return start;
    }

    public int contentEnd() {
        return contentEnd;
    }

    void extendContentEnd(int end) {
        contentEnd = Math.max(contentEnd, end);
    }

    /** The anchor defined on this node ({@code &name}), or null. */
    public String anchor() {
        return anchor;
    }

    /** For an alias node, the anchor it refers to; else null. */
    public String alias() {
        return alias;
    }

    /** A scalar's value as written (unresolved); null for other nodes. */
    public String scalarValue() {
        return scalarValue;
    }

    /** A mapping's keys, in document order. */
    public List<YamlNode> keys() {
        return Collections.unmodifiableList(keys);
    }

    /** A mapping's values, parallel to {@link #keys()}. */
    public List<YamlNode> values() {
        return Collections.unmodifiableList(values);
    }

    /** A sequence's items. */
    public List<YamlNode> items() {
        return Collections.unmodifiableList(items);
    }

    /** For an item of a block sequence, the offset of its {@code -}; -1 otherwise. */
    public int dash() {
        return dash;
    }

    void setDash(int offset) {
        dash = offset;
    }

    void addPair(YamlNode key, YamlNode value) {
        keys.add(key);
        values.add(value);
    }

    void addItem(YamlNode item) {
        items.add(item);
    }

    /** The resolved data (Map, List, String, Long, Boolean, ... as the YAML core schema loads them). */
    public Object data() {
        return data;
    }

    void setData(Object data) {
        this.data = data;
    }

    /** Where the node's text starts for line purposes: its {@code -} for a sequence item, else its start. */
    public int lineStart() {
        return dash >= 0 ? dash : start;
    }

    /** The index of the pair whose key resolves to {@code key}, or -1. */
    public int indexOfKey(Object key) {
        for (int i = 0; i < keys.size(); i++) {
            if (Objects.equals(keys.get(i).data(), key)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of a key, or null when the mapping has no such key. */
    public YamlNode get(Object key) {
        int i = indexOfKey(key);
        return i < 0 ? null : values.get(i);
    }

    @Override
    public String toString() {
        return kind + (flow ? "(flow)" : "") + "[" + start + ".." + contentEnd + ")";
    }
}
