package io.modelcatalog.configupdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.JsonDocument;
import io.modelcatalog.configediting.JsonObjectEdit;
import io.modelcatalog.configediting.JsonStyle;
import io.modelcatalog.configediting.ManagedLines;
import io.modelcatalog.configediting.TextEdit;
import io.modelcatalog.toolconfigs.OpenCodeConfig;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenCode's {@code opencode.json} or {@code opencode.jsonc} (both are read as JSON with comments and trailing
 * commas): the {@code provider.<id>} entry of each provider, its {@code models} keyed by model id. The entry's
 * data is what generate-configs writes ({@link OpenCodeConfig#providerEntry}); every other key of the file
 * ({@code $schema}, {@code model}, {@code mcp}, {@code agent}, other providers, ...) and every comment outside the
 * managed entries stays byte for byte.
 *
 * <p>Within an entry the user already has, {@code merge} and {@code prune} set {@code npm}, {@code name},
 * {@code options.baseURL} and {@code options.apiKey} and each catalog model's facts, and keep the user's own keys
 * ({@code options.headers}, {@code blacklist}, a model's {@code variants}, ...); {@code merge} keeps the user's
 * own models, {@code prune} drops the models the provider no longer lists; {@code replace} writes the entry as
 * generated.
 *
 * <p>{@code whitelist}: generate-configs writes one naming exactly the catalog's models, because OpenCode merges
 * a configured provider with its own catalog of the same id and would otherwise show models the provider no longer
 * serves. Here: a new entry gets that whitelist; {@code merge} adds the catalog's new models to a whitelist the user
 * has (so models the update adds are visible) and adds none where the user has none (the user still sees
 * OpenCode's own models of that provider, as before); {@code prune} makes it the catalog's models, adding one where
 * there was none (OpenCode then shows the provider's current list and nothing else); {@code replace} writes it as
 * generated.
 */
public final class OpenCodeMerger extends SingleFileMerger {

    static final String PROVIDER = "provider";
    static final String MODELS = "models";
    static final String OPTIONS = "options";
    static final String WHITELIST = "whitelist";
    static final String SCHEMA = "$schema";

    public OpenCodeMerger(Path configFile) {
        super(configFile);
    }

    @Override
    public String tool() {
        return "opencode";
    }

    @Override
    public List<FileMerge> merge(List<ProviderModels> providers, MergeStrategy strategy, Map<Path, byte[]> current) {
        byte[] before = current.get(configFile);
        ConfigText text = text(before);
        JsonDocument doc = JsonDocument.parse(text);
        JsonStyle style = JsonStyle.of(doc);
        ManagedLines managed = new ManagedLines();
        List<EntryChange> changes = new ArrayList<>();
        Map<String, JsonNode> intended = new LinkedHashMap<>();
        List<TextEdit> edits = new ArrayList<>();

        JsonDocument.Value root = doc.root();
        if (root != null && !root.isObject()) {
            throw notAnObject(doc, root, "the file", "an object of settings ({\"$schema\": ..., \"provider\": {...}})");
        }
        JsonDocument.Member providerMember = root == null ? null : root.member(PROVIDER);
        JsonDocument.Value providerObject = providerMember == null ? null : providerMember.value();
        if (providerObject != null && !providerObject.isObject()) {
            throw notAnObject(doc, providerObject, "'provider'", "an object of providers by id");
        }
        ObjectNode added = JsonNodeFactory.instance.objectNode();
        JsonObjectEdit providerEdit = providerObject == null ? null : new JsonObjectEdit(doc, providerObject, style);
        for (ProviderModels p : providers) {
            String id = OpenCodeConfig.providerId(p.provider());
            ObjectNode generated = OpenCodeConfig.providerEntry(p);
            String label = "provider." + id;
            JsonDocument.Member user = providerObject == null ? null : providerObject.member(id);
            if (user == null) {
                added.set(id, generated);
                intended.put(id, generated);
                changes.add(new EntryChange(
                        p.provider(),
                        label,
                        EntryChange.Action.ADDED,
                        generated.path(MODELS).size(),
                        0));
                continue;
            }
            managed.allow(doc.line(user.keyStart()), doc.line(user.value().end() - 1));
            JsonNode wanted;
            if (strategy == MergeStrategy.REPLACE || !user.value().isObject()) {
                wanted = generated;
                if (!JsonDocument.same(user.value().data(), generated)) {
                    providerEdit.replace(id, generated);
                }
            } else {
                wanted = entry(doc, style, user.value(), generated, strategy, edits, managed);
            }
            intended.put(id, wanted);
            changes.add(change(p.provider(), label, user.value().data(), wanted));
        }
        if (!added.isEmpty()) {
            if (providerEdit != null) {
                added.fields().forEachRemaining(e -> providerEdit.insertQuietly(-1, e.getKey(), e.getValue()));
            } else if (root != null) {
                int schema = root.indexOf(SCHEMA);
                new JsonObjectEdit(doc, root, style)
                        .insertQuietly(schema == 0 ? 0 : -1, PROVIDER, added)
                        .edits(managed)
                        .forEach(edits::add);
            }
        }
        if (providerEdit != null) {
            edits.addAll(providerEdit.edits(managed));
        }
        String after;
        if (root == null) {
            after = newFile(text, style, added);
            managed.allowAppend(text);
        } else {
            after = TextEdit.apply(text.text(), edits);
        }
        verify(doc, after, intended, managed);
        return List.of(new FileMerge.Write(tool(), configFile, before, text.encode(after), changes, List.of()));
    }

    /** A file without any value (new, empty, or only comments): its text, then the settings object. */
    private static String newFile(ConfigText text, JsonStyle style, ObjectNode providers) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put(SCHEMA, OpenCodeConfig.SCHEMA);
        root.set(PROVIDER, providers);
        String source = text.text();
        String nl = style.lineEnding();
        String gap = source.isEmpty() || text.endsWithLineBreak() ? "" : nl;
        return source + gap + style.render(root, "") + nl;
    }

    /**
     * The user's provider entry brought up to date key by key, its edits collected; returns the entry's data as it
     * is meant to be after the edits.
     */
    private static JsonNode entry(
            JsonDocument doc,
            JsonStyle style,
            JsonDocument.Value user,
            ObjectNode generated,
            MergeStrategy strategy,
            List<TextEdit> edits,
            ManagedLines managed) {
        ObjectNode wanted = ((ObjectNode) user.data()).deepCopy();
        JsonObjectEdit edit = new JsonObjectEdit(doc, user, style);
        for (Iterator<Map.Entry<String, JsonNode>> it = generated.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            String key = g.getKey();
            JsonDocument.Member mine = user.member(key);
            JsonNode value;
            if (key.equals(WHITELIST)) {
                value = whitelist(mine == null ? null : mine.value().data(), (ArrayNode) g.getValue(), strategy);
                if (value == null) {
                    continue;
                }
            } else if (mine != null && mine.value().isObject() && key.equals(MODELS)) {
                wanted.set(key, models(doc, style, mine.value(), (ObjectNode) g.getValue(), strategy, edits, managed));
                continue;
            } else if (mine != null && mine.value().isObject() && key.equals(OPTIONS)) {
                wanted.set(key, fields(doc, style, mine.value(), (ObjectNode) g.getValue(), edits, managed));
                continue;
            } else {
                value = g.getValue();
            }
            wanted.set(key, value);
            if (mine == null) {
                edit.append(key, value);
            } else if (!JsonDocument.same(mine.value().data(), value)) {
                edit.replace(key, value);
            }
        }
        edits.addAll(edit.edits(managed));
        return wanted;
    }

    /** The models object: each catalog model's facts set, new ones added, the user's own kept or (prune) dropped. */
    private static JsonNode models(
            JsonDocument doc,
            JsonStyle style,
            JsonDocument.Value user,
            ObjectNode generated,
            MergeStrategy strategy,
            List<TextEdit> edits,
            ManagedLines managed) {
        ObjectNode wanted = JsonNodeFactory.instance.objectNode();
        JsonObjectEdit edit = new JsonObjectEdit(doc, user, style);
        for (JsonDocument.Member m : user.members()) {
            JsonNode g = generated.get(m.key());
            if (g == null) {
                if (strategy == MergeStrategy.PRUNE) {
                    edit.remove(m.key());
                } else {
                    wanted.set(m.key(), m.value().data());
                }
            } else if (m.value().isObject()) {
                wanted.set(m.key(), fields(doc, style, m.value(), (ObjectNode) g, edits, managed));
            } else {
                wanted.set(m.key(), g);
                edit.replace(m.key(), g);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = generated.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            if (user.member(g.getKey()) == null) {
                wanted.set(g.getKey(), g.getValue());
                edit.append(g.getKey(), g.getValue());
            }
        }
        edits.addAll(edit.edits(managed));
        return wanted;
    }

    /** An object whose generated keys are set (added or replaced), the user's other keys kept. */
    private static JsonNode fields(
            JsonDocument doc,
            JsonStyle style,
            JsonDocument.Value user,
            ObjectNode generated,
            List<TextEdit> edits,
            ManagedLines managed) {
        ObjectNode wanted = ((ObjectNode) user.data()).deepCopy();
        JsonObjectEdit edit = new JsonObjectEdit(doc, user, style);
        for (Iterator<Map.Entry<String, JsonNode>> it = generated.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            JsonDocument.Member mine = user.member(g.getKey());
            wanted.set(g.getKey(), g.getValue());
            if (mine == null) {
                edit.append(g.getKey(), g.getValue());
            } else if (!JsonDocument.same(mine.value().data(), g.getValue())) {
                edit.replace(g.getKey(), g.getValue());
            }
        }
        edits.addAll(edit.edits(managed));
        return wanted;
    }

    /**
     * The whitelist an existing entry is meant to have, or null for none (see the class comment): the user's ids
     * keep their order, the catalog's new ones follow in the catalog's order.
     */
    private static JsonNode whitelist(JsonNode mine, ArrayNode catalog, MergeStrategy strategy) {
        if (strategy == MergeStrategy.REPLACE) {
            return catalog;
        }
        if (mine == null || !mine.isArray()) {
            return strategy == MergeStrategy.PRUNE || mine != null ? catalog : null;
        }
        Set<JsonNode> inCatalog = new HashSet<>();
        catalog.forEach(inCatalog::add);
        LinkedHashSet<JsonNode> ids = new LinkedHashSet<>();
        for (JsonNode id : mine) {
            if (strategy == MergeStrategy.MERGE || inCatalog.contains(id)) {
                ids.add(id);
            }
        }
        catalog.forEach(ids::add);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        ids.forEach(out::add);
        return out;
    }

    private static EntryChange change(String provider, String label, JsonNode before, JsonNode after) {
        if (JsonDocument.same(before, after)) {
            return new EntryChange(provider, label, EntryChange.Action.UNCHANGED, 0, 0);
        }
        Set<String> a = modelIds(before);
        Set<String> b = modelIds(after);
        return new EntryChange(
                provider,
                label,
                EntryChange.Action.UPDATED,
                (int) b.stream().filter(m -> !a.contains(m)).count(),
                (int) a.stream().filter(m -> !b.contains(m)).count());
    }

    private static Set<String> modelIds(JsonNode entry) {
        Set<String> ids = new HashSet<>();
        JsonNode models = entry == null ? null : entry.get(MODELS);
        if (models != null && models.isObject()) {
            models.fieldNames().forEachRemaining(ids::add);
        }
        return ids;
    }

    private static ConfigEditException notAnObject(
            JsonDocument doc, JsonDocument.Value value, String what, String expected) {
        return new ConfigEditException(
                doc.text().file(),
                doc.line(value.start()) + 1,
                doc.text().column(value.start()),
                what + " is not an object",
                "make it " + expected + ", as OpenCode expects");
    }

    private void verify(JsonDocument before, String after, Map<String, JsonNode> intended, ManagedLines managed) {
        JsonDocument reparsed;
        try {
            reparsed = JsonDocument.parse(before.text().withText(after));
        } catch (ConfigEditException e) {
            throw ResultCheck.unparsable(configFile, e);
        }
        ObjectNode a = rootData(before);
        ObjectNode b = rootData(reparsed);
        JsonNode providersBefore = a.remove(PROVIDER);
        JsonNode providersAfter = b.remove(PROVIDER);
        if (before.root() == null) {
            // a new settings object starts with the schema
            requireSame(JsonNodeFactory.instance.textNode(OpenCodeConfig.SCHEMA), b.remove(SCHEMA), "'$schema'");
        }
        requireSame(a, b, "the data outside 'provider'");
        ObjectNode otherBefore =
                providersBefore instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode otherAfter =
                providersAfter instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode managedAfter = JsonNodeFactory.instance.objectNode();
        ObjectNode managedIntended = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : intended.entrySet()) {
            otherBefore.remove(e.getKey());
            JsonNode got = otherAfter.remove(e.getKey());
            managedAfter.set(e.getKey(), got == null ? JsonNodeFactory.instance.nullNode() : got);
            managedIntended.set(e.getKey(), e.getValue());
        }
        requireSame(otherBefore, otherAfter, "the providers this update does not manage");
        requireSame(managedIntended, managedAfter, "the managed providers");
        managed.check(before.text(), after);
    }

    private static ObjectNode rootData(JsonDocument doc) {
        return doc.root() == null
                ? JsonNodeFactory.instance.objectNode()
                : ((ObjectNode) doc.root().data()).deepCopy();
    }

    private void requireSame(JsonNode expected, JsonNode actual, String what) {
        if (!JsonDocument.same(expected, actual)) {
            throw ResultCheck.beyondIntended(configFile, what);
        }
    }
}
