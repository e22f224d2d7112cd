package io.modelcatalog.configediting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a part of a YAML file should become, in terms of nodes that already exist: the user's node kept as it
 * is, a node of a generated document, or a mapping or sequence edited entry by entry. {@link YamlEditor} turns
 * it into the smallest text edits, writing only where the data differs.
 */
public sealed interface YamlDesired {

    /** The data this part will hold. */
    Object data();

    /** The user's node, left exactly as it is. */
    record Keep(YamlNode node) implements YamlDesired {
        @Override
        public Object data() {
            return node.data();
        }
    }

    /** A node of a generated document: its data wins; its text is copied where the data differs. */
    record Generated(YamlDocument document, YamlNode node) implements YamlDesired {
        @Override
        public Object data() {
            return node.data();
        }
    }

    /**
     * A mapping edited pair by pair: the user's pairs whose key is in {@code entries} stay, in their order, with
     * their value edited as given; the user's other pairs are removed; entries whose key the user does not have
     * are appended after the user's last pair, in the given order, each from its generated pair.
     *
     * @param node the user's mapping (or an empty value, or null for a document without content)
     */
    record Mapping(YamlNode node, List<Entry> entries) implements YamlDesired {

        public Mapping {
            entries = List.copyOf(entries);
        }

        /** One key: the user's value edited, or a generated pair to append. */
        public record Entry(Object key, YamlDesired value, YamlDocument generatedDocument, YamlNode generatedKey) {

            /** A user's pair, its value edited as {@code value} says. */
            public static Entry edit(Object key, YamlDesired value) {
                return new Entry(key, value, null, null);
            }

            /** A pair that the user does not have, copied from a generated mapping. */
            public static Entry add(YamlDocument document, YamlNode generatedMapping, int index) {
                return new Entry(
                        generatedMapping.keys().get(index).data(),
                        new Generated(document, generatedMapping.values().get(index)),
                        document,
                        generatedMapping.keys().get(index));
            }

            boolean isNew() {
                return generatedKey != null;
            }
        }

        @Override
        public Object data() {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Entry e : entries) {
                out.put(e.key(), e.value().data());
            }
            return out;
        }

        /** The entry for a key, or null. */
        public Entry entry(Object key) {
            for (Entry e : entries) {
                if (Objects.equals(e.key(), key)) {
                    return e;
                }
            }
            return null;
        }
    }

    /**
     * A sequence edited item by item: {@code items} names the user's items to keep (in their order, each edited
     * as given) and then new items; the user's items not named are removed.
     *
     * @param node the user's sequence (or an empty value)
     */
    record Sequence(YamlNode node, List<Item> items) implements YamlDesired {

        public Sequence {
            items = List.copyOf(items);
        }

        /** A user's item ({@code userItem} not null) edited as {@code value}, or a new generated item. */
        public record Item(YamlNode userItem, YamlDesired value) {}

        @Override
        public Object data() {
            List<Object> out = new ArrayList<>();
            for (Item i : items) {
                out.add(i.value().data());
            }
            return out;
        }
    }
}
