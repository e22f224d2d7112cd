package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.ManagedLines;
import io.modelcatalog.configediting.YamlDesired;
import io.modelcatalog.configediting.YamlDocument;
import io.modelcatalog.configediting.YamlEditor;
import io.modelcatalog.configediting.YamlNode;
import io.modelcatalog.toolconfigs.ModsConfig;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * mods' {@code mods.yml}: the {@code apis.<name>} entry of each provider, its {@code models} mapping keyed by
 * model name. The user's other keys ({@code aliases}, {@code fallback}, {@code api-key-cmd},
 * {@code max-completion-tokens}, ...) stay. The entry's data is what generate-configs writes ({@link ModsConfig}).
 */
public final class ModsMerger extends SingleFileMerger {

    static final String APIS = "apis";
    static final String MODELS = "models";

    public ModsMerger(Path configFile) {
        super(configFile);
    }

    @Override
    public String tool() {
        return "mods";
    }

    @Override
    public List<FileMerge> merge(List<ProviderModels> providers, MergeStrategy strategy, Map<Path, byte[]> current) {
        byte[] before = current.get(configFile);
        ConfigText text = text(before);
        YamlDocument doc = YamlDocument.parse(text);
        YamlNode root = doc.root();
        YamlNode apis = rootEntry(
                doc,
                APIS,
                YamlNode::isMapping,
                "'apis' is not a mapping",
                "make it a mapping of API names to their settings, as mods expects");
        ManagedLines managed = new ManagedLines();
        List<EntryChange> changes = new ArrayList<>();
        Map<Object, YamlDesired> edited = new LinkedHashMap<>();
        List<YamlDesired.Mapping.Entry> added = new ArrayList<>();
        Map<Object, Object> intended = new LinkedHashMap<>();
        for (ProviderModels p : providers) {
            YamlDocument gen = Generated.yaml(ModsConfig.toBytes(p));
            YamlNode genApis = gen.root().get(APIS);
            String name = ModsConfig.apiName(p.provider());
            YamlNode genApi = genApis.get(name);
            YamlNode user = apis == null || !apis.isMapping() ? null : apis.get(name);
            String label = "apis." + name;
            if (user == null) {
                added.add(YamlDesired.Mapping.Entry.add(gen, genApis, genApis.indexOfKey(name)));
                intended.put(name, genApi.data());
                changes.add(new EntryChange(p.provider(), label, EntryChange.Action.ADDED, size(genApi.data()), 0));
                continue;
            }
            YamlDesired d = strategy == MergeStrategy.REPLACE
                    ? new YamlDesired.Generated(gen, genApi)
                    : apiDesired(user, gen, genApi, strategy);
            edited.put(name, d);
            intended.put(name, d.data());
            int keyLine = doc.line(apis.keys().get(apis.indexOfKey(name)).start());
            managed.allow(keyLine, Math.max(keyLine, YamlDocument.isEmptyScalar(user) ? keyLine : doc.lastLine(user)));
            changes.add(change(p.provider(), label, user.data(), d.data()));
        }
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        if (apis != null && apis.isMapping()) {
            for (int i = 0; i < apis.keys().size(); i++) {
                Object key = apis.keys().get(i).data();
                YamlDesired d = edited.get(key);
                entries.add(YamlDesired.Mapping.Entry.edit(
                        key, d == null ? new YamlDesired.Keep(apis.values().get(i)) : d));
            }
        }
        entries.addAll(added);
        String after =
                new YamlEditor(doc).apply(YamlMerges.rootWith(doc, APIS, new YamlDesired.Mapping(apis, entries)));
        if (apis == null) {
            managed.allowAppend(text);
        } else if (!apis.isMapping() || apis.isFlow()) {
            int keyLine = doc.line(root.keys().get(root.indexOfKey(APIS)).start());
            managed.allow(keyLine, Math.max(keyLine, doc.lastLine(apis)));
        } else {
            managed.allowInsertionBefore(doc.lastLine(apis) + 1);
        }
        verify(doc, after, intended, managed);
        return List.of(new FileMerge.Write(tool(), configFile, before, text.encode(after), changes, List.of()));
    }

    /** The user's API entry, updated key by key; its models model by model. */
    private static YamlDesired apiDesired(YamlNode user, YamlDocument gen, YamlNode genApi, MergeStrategy strategy) {
        if (!user.isMapping()) {
            return new YamlDesired.Generated(gen, genApi);
        }
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        for (int i = 0; i < user.keys().size(); i++) {
            Object key = user.keys().get(i).data();
            YamlNode value = user.values().get(i);
            YamlNode genValue = genApi.get(key);
            if (genValue == null) {
                entries.add(YamlDesired.Mapping.Entry.edit(key, new YamlDesired.Keep(value)));
            } else if (MODELS.equals(key)) {
                entries.add(YamlDesired.Mapping.Entry.edit(key, modelsDesired(value, gen, genValue, strategy)));
            } else {
                entries.add(YamlDesired.Mapping.Entry.edit(key, new YamlDesired.Generated(gen, genValue)));
            }
        }
        for (int i = 0; i < genApi.keys().size(); i++) {
            if (user.indexOfKey(genApi.keys().get(i).data()) < 0) {
                entries.add(YamlDesired.Mapping.Entry.add(gen, genApi, i));
            }
        }
        return new YamlDesired.Mapping(user, entries);
    }

    private static YamlDesired modelsDesired(
            YamlNode user, YamlDocument gen, YamlNode genModels, MergeStrategy strategy) {
        if (!user.isMapping()) {
            return new YamlDesired.Generated(gen, genModels);
        }
        List<YamlDesired.Mapping.Entry> entries = new ArrayList<>();
        for (int i = 0; i < user.keys().size(); i++) {
            Object model = user.keys().get(i).data();
            YamlNode g = genModels.isMapping() ? genModels.get(model) : null;
            if (g != null) {
                entries.add(YamlDesired.Mapping.Entry.edit(
                        model, YamlMerges.fieldsDesired(user.values().get(i), gen, g)));
            } else if (strategy != MergeStrategy.PRUNE) {
                entries.add(YamlDesired.Mapping.Entry.edit(
                        model, new YamlDesired.Keep(user.values().get(i))));
            }
        }
        if (genModels.isMapping()) {
            for (int i = 0; i < genModels.keys().size(); i++) {
                if (user.indexOfKey(genModels.keys().get(i).data()) < 0) {
                    entries.add(YamlDesired.Mapping.Entry.add(gen, genModels, i));
                }
            }
        }
        if (entries.isEmpty()) {
            return new YamlDesired.Generated(gen, genModels);
        }
        return new YamlDesired.Mapping(user, entries);
    }

    private static EntryChange change(String provider, String label, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return new EntryChange(provider, label, EntryChange.Action.UNCHANGED, 0, 0);
        }
        Set<Object> a = models(before);
        Set<Object> b = models(after);
        return new EntryChange(
                provider,
                label,
                EntryChange.Action.UPDATED,
                (int) b.stream().filter(m -> !a.contains(m)).count(),
                (int) a.stream().filter(m -> !b.contains(m)).count());
    }

    private static Set<Object> models(Object api) {
        if (api instanceof Map<?, ?> map && map.get(MODELS) instanceof Map<?, ?> models) {
            return new HashSet<>(models.keySet());
        }
        return Set.of();
    }

    private static int size(Object api) {
        return models(api).size();
    }

    private void verify(YamlDocument before, String after, Map<Object, Object> intended, ManagedLines managed) {
        YamlDocument reparsed = YamlMerges.reparse(before, after);
        Map<Object, Object> a = YamlMerges.rootData(before);
        Map<Object, Object> b = YamlMerges.rootData(reparsed);
        Map<Object, Object> apisBefore = ResultCheck.map(a.remove(APIS));
        Map<Object, Object> apisAfter = ResultCheck.map(b.remove(APIS));
        ResultCheck.requireEqual(configFile, a, b, "the data outside 'apis'");
        Map<Object, Object> managedAfter = new LinkedHashMap<>();
        for (Object name : intended.keySet()) {
            apisBefore.remove(name);
            managedAfter.put(name, apisAfter.remove(name));
        }
        ResultCheck.requireEqual(configFile, apisBefore, apisAfter, "the APIs this update does not manage");
        ResultCheck.requireEqual(configFile, intended, managedAfter, "the managed APIs");
        managed.check(before.text(), after);
    }
}
