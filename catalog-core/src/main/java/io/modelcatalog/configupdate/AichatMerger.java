package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.ManagedLines;
import io.modelcatalog.configediting.YamlDesired;
import io.modelcatalog.configediting.YamlDocument;
import io.modelcatalog.configediting.YamlEditor;
import io.modelcatalog.configediting.YamlNode;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.toolconfigs.AichatConfig;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * aichat's {@code config.yaml}: one {@code clients:} entry per provider, matched by {@code name} (or, for a
 * client without a name such as {@code - type: claude}, by its {@code type}). The entry's data is what
 * generate-configs writes for the provider ({@link AichatConfig}); models are matched by {@code name}.
 */
public final class AichatMerger extends SingleFileMerger {

    static final String CLIENTS = "clients";
    static final String MODELS = "models";
    static final String NAME = "name";
    static final String TYPE = "type";
    /** aichat's client for OpenAI-compatible APIs: many clients share it, so it never identifies one. */
    static final String GENERIC_TYPE = "openai-compatible";

    public AichatMerger(Path configFile) {
        super(configFile);
    }

    @Override
    public String tool() {
        return "aichat";
    }

    @Override
    public List<FileMerge> merge(List<ProviderModels> providers, MergeStrategy strategy, Map<Path, byte[]> current) {
        byte[] before = current.get(configFile);
        ConfigText text = text(before);
        YamlDocument doc = YamlDocument.parse(text);
        YamlNode root = doc.root();
        YamlNode clients = rootEntry(
                doc,
                CLIENTS,
                YamlNode::isSequence,
                "'clients' is not a list",
                "make it a list of clients ('- type: ...'), as aichat expects");
        List<YamlNode> userItems = clients != null && clients.isSequence() ? clients.items() : List.of();

        ManagedLines managed = new ManagedLines();
        List<EntryChange> changes = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Map<YamlNode, YamlDesired> edited = new LinkedHashMap<>();
        List<YamlDesired.Sequence.Item> added = new ArrayList<>();
        Map<String, Object> intended = new LinkedHashMap<>();
        for (ProviderModels p : providers) {
            YamlDocument gen = Generated.yaml(AichatConfig.toBytes(p));
            YamlNode genClient = gen.root().get(CLIENTS).items().get(0);
            String name = AichatConfig.clientName(p.provider());
            String aichatKey = name.toUpperCase(Locale.ROOT) + "_API_KEY";
            if (p.apiKeyEnv() != null && !p.apiKeyEnv().equals(aichatKey)) {
                notices.add(new Notice.KeyVariable(p.provider(), aichatKey, p.apiKeyEnv()));
            }
            Match match = find(doc, userItems, name, text(genClient.get(TYPE)));
            String label = "clients: " + name;
            if (match == null) {
                added.add(new YamlDesired.Sequence.Item(null, new YamlDesired.Generated(gen, genClient)));
                intended.put(name, genClient.data());
                changes.add(new EntryChange(p.provider(), label, EntryChange.Action.ADDED, count(genClient), 0));
                continue;
            }
            YamlDesired d = strategy == MergeStrategy.REPLACE
                    ? new YamlDesired.Generated(gen, genClient)
                    : clientDesired(match, gen, genClient, strategy);
            edited.put(match.item, d);
            intended.put(name, d.data());
            managed.allow(doc.line(match.item.lineStart()), doc.lastLine(match.item));
            changes.add(change(p.provider(), label, match.item, d));
        }

        List<YamlDesired.Sequence.Item> items = new ArrayList<>();
        for (YamlNode item : userItems) {
            items.add(new YamlDesired.Sequence.Item(item, edited.getOrDefault(item, new YamlDesired.Keep(item))));
        }
        items.addAll(added);
        String after =
                new YamlEditor(doc).apply(YamlMerges.rootWith(doc, CLIENTS, new YamlDesired.Sequence(clients, items)));
        if (clients == null) {
            managed.allowAppend(text);
        } else if (!clients.isSequence() || clients.isFlow() || userItems.isEmpty()) {
            int keyLine = doc.line(root.keys().get(root.indexOfKey(CLIENTS)).start());
            managed.allow(keyLine, Math.max(keyLine, doc.lastLine(clients)));
        } else {
            managed.allowInsertionBefore(doc.lastLine(clients) + 1);
        }
        verify(doc, after, providers, intended, managed);
        return List.of(new FileMerge.Write(tool(), configFile, before, text.encode(after), changes, notices));
    }

    /** The user's client, edited field by field and model by model. */
    private static YamlDesired clientDesired(
            Match match, YamlDocument gen, YamlNode genClient, MergeStrategy strategy) {
        YamlNode user = match.item;
        if (!user.isMapping()) {
            return new YamlDesired.Generated(gen, genClient);
        }
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        for (int i = 0; i < user.keys().size(); i++) {
            Object key = user.keys().get(i).data();
            YamlNode value = user.values().get(i);
            YamlNode genValue = genClient.get(key);
            if (genValue == null) {
                entries.add(YamlDesired.Mapping.Entry.edit(key, new YamlDesired.Keep(value)));
            } else if (MODELS.equals(key)) {
                entries.add(YamlDesired.Mapping.Entry.edit(key, modelsDesired(value, gen, genValue, strategy)));
            } else {
                entries.add(YamlDesired.Mapping.Entry.edit(key, new YamlDesired.Generated(gen, genValue)));
            }
        }
        for (int i = 0; i < genClient.keys().size(); i++) {
            Object key = genClient.keys().get(i).data();
            // a client matched by its type keeps having no name: a name would change its models' ids
            if (user.indexOfKey(key) < 0 && !(match.byType && NAME.equals(key))) {
                entries.add(YamlDesired.Mapping.Entry.add(gen, genClient, i));
            }
        }
        return new YamlDesired.Mapping(user, entries);
    }

    private static YamlDesired modelsDesired(
            YamlNode user, YamlDocument gen, YamlNode genModels, MergeStrategy strategy) {
        if (!user.isSequence()) {
            return new YamlDesired.Generated(gen, genModels);
        }
        Map<Object, YamlNode> generated = new LinkedHashMap<>();
        for (YamlNode m : genModels.items()) {
            generated.putIfAbsent(m.get(NAME).data(), m);
        }
        List<YamlDesired.Sequence.Item> items = new ArrayList<>();
        Set<Object> userNames = new HashSet<>();
        for (YamlNode m : user.items()) {
            Object name = m.isMapping() && m.get(NAME) != null ? m.get(NAME).data() : null;
            YamlNode g = name == null ? null : generated.get(name);
            if (name != null) {
                userNames.add(name);
            }
            if (g != null) {
                items.add(new YamlDesired.Sequence.Item(m, YamlMerges.fieldsDesired(m, gen, g)));
            } else if (strategy != MergeStrategy.PRUNE || name == null) {
                items.add(new YamlDesired.Sequence.Item(m, new YamlDesired.Keep(m)));
            }
        }
        for (Map.Entry<Object, YamlNode> g : generated.entrySet()) {
            if (!userNames.contains(g.getKey())) {
                items.add(new YamlDesired.Sequence.Item(null, new YamlDesired.Generated(gen, g.getValue())));
            }
        }
        return new YamlDesired.Sequence(user, items);
    }

    private static EntryChange change(String provider, String label, YamlNode user, YamlDesired d) {
        if (Objects.equals(user.data(), d.data())) {
            return new EntryChange(provider, label, EntryChange.Action.UNCHANGED, 0, 0);
        }
        Set<Object> before = modelNames(user.data());
        Set<Object> after = modelNames(d.data());
        int addedModels = (int) after.stream().filter(n -> !before.contains(n)).count();
        int removedModels =
                (int) before.stream().filter(n -> !after.contains(n)).count();
        return new EntryChange(provider, label, EntryChange.Action.UPDATED, addedModels, removedModels);
    }

    private static Set<Object> modelNames(Object client) {
        Set<Object> names = new HashSet<>();
        if (client instanceof Map<?, ?> map && map.get(MODELS) instanceof List<?> models) {
            for (Object m : models) {
                if (m instanceof Map<?, ?> model && model.get(NAME) != null) {
                    names.add(model.get(NAME));
                }
            }
        }
        return names;
    }

    private static int count(YamlNode client) {
        return modelNames(client.data()).size();
    }

    private record Match(YamlNode item, boolean byType) {}

    /**
     * The user's client for a provider: the one named so, else (for a provider with a type of its own, such as
     * claude) the one nameless client of that type. Two candidates are an error: which one to update is the
     * user's call.
     */
    private static Match find(YamlDocument doc, List<YamlNode> items, String name, String type) {
        List<YamlNode> named = new ArrayList<>();
        List<YamlNode> typed = new ArrayList<>();
        for (YamlNode item : items) {
            if (!item.isMapping()) {
                continue;
            }
            YamlNode n = item.get(NAME);
            if (n != null) {
                if (name.equals(text(n))) {
                    named.add(item);
                }
            } else if (type != null && !GENERIC_TYPE.equals(type) && type.equals(text(item.get(TYPE)))) {
                typed.add(item);
            }
        }
        List<YamlNode> found = named.isEmpty() ? typed : named;
        if (found.size() > 1) {
            throw new ConfigEditException(
                    doc.text().file(),
                    doc.line(found.get(1).lineStart()) + 1,
                    doc.text().column(found.get(1).start()),
                    "two clients are '" + name + "' (lines "
                            + (doc.line(found.get(0).lineStart()) + 1) + " and "
                            + (doc.line(found.get(1).lineStart()) + 1) + ")",
                    "remove one of them or give it another name");
        }
        return found.isEmpty() ? null : new Match(found.get(0), named.isEmpty());
    }

    private static String text(YamlNode n) {
        return n == null || n.data() == null ? null : String.valueOf(n.data());
    }

    /**
     * Parses the result again: the file's data outside the managed clients must be as before, each managed
     * client must hold what was intended, and no line outside them may have changed.
     */
    private void verify(
            YamlDocument before,
            String after,
            List<ProviderModels> providers,
            Map<String, Object> intended,
            ManagedLines managed) {
        YamlDocument reparsed = YamlMerges.reparse(before, after);
        Map<Object, Object> a = YamlMerges.rootData(before);
        Map<Object, Object> b = YamlMerges.rootData(reparsed);
        List<Object> clientsBefore = ResultCheck.list(a.remove(CLIENTS));
        List<Object> clientsAfter = ResultCheck.list(b.remove(CLIENTS));
        ResultCheck.requireEqual(configFile, a, b, "the data outside 'clients'");
        Set<String> names = new HashSet<>(intended.keySet());
        List<Object> othersBefore = new ArrayList<>();
        for (Object c : clientsBefore) {
            if (!isManaged(c, names, providers)) {
                othersBefore.add(c);
            }
        }
        List<Object> othersAfter = new ArrayList<>();
        Map<String, Object> managedAfter = new LinkedHashMap<>();
        for (Object c : clientsAfter) {
            String n = managedName(c, names, providers);
            if (n == null) {
                othersAfter.add(c);
            } else {
                managedAfter.put(n, c);
            }
        }
        ResultCheck.requireEqual(configFile, othersBefore, othersAfter, "the clients this update does not manage");
        ResultCheck.requireEqual(configFile, intended, managedAfter, "the managed clients");
        managed.check(before.text(), after);
    }

    private static boolean isManaged(Object client, Set<String> names, List<ProviderModels> providers) {
        return managedName(client, names, providers) != null;
    }

    /** The managed client name this data belongs to (by name, or a nameless client of a provider's own type). */
    private static String managedName(Object client, Set<String> names, List<ProviderModels> providers) {
        if (!(client instanceof Map<?, ?> map)) {
            return null;
        }
        Object name = map.get(NAME);
        if (name != null) {
            return names.contains(String.valueOf(name)) ? String.valueOf(name) : null;
        }
        for (ProviderModels p : providers) {
            if (p.kind() == ProviderKind.ANTHROPIC && "claude".equals(String.valueOf(map.get(TYPE)))) {
                String n = AichatConfig.clientName(p.provider());
                return names.contains(n) ? n : null;
            }
        }
        return null;
    }
}
