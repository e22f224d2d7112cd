package io.modelcatalog.migration;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.text.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A legacy script's providers against a registry (the built-in one): which the script adds, which it changes and
 * which it keeps as they are, and which of the registry's it no longer has. Only the added and changed ones
 * belong in a providers file; a removed one can only be left out by selecting the others.
 */
public final class ProviderComparison {

    /** What the script does to a provider. */
    public enum Change {
        /** A name the registry does not have. */
        ADDED,
        /** A registry name with another kind, variable or default URL. */
        CHANGED,
        /** A registry name defined exactly as in the registry. */
        UNCHANGED;

        /** Lower-case, for tables. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One field whose value differs.
     *
     * @param field    the providers-file key: {@code kind}, {@code apiKeyEnv}, {@code baseUrlEnv} or {@code baseUrl}
     * @param registry the registry's value ({@code null}: none)
     * @param script   the script's value ({@code null}: none)
     */
    public record FieldChange(String field, String registry, String script) {
        @Override
        public String toString() {
            return field + " " + shown(registry) + " -> " + shown(script);
        }

        private static String shown(String value) {
            return value == null ? "(none)" : value;
        }
    }

    /**
     * One provider of the script.
     *
     * @param provider    the script's provider and its lines
     * @param change      added, changed or unchanged
     * @param registry    the registry's provider of that name, or {@code null} when added
     * @param differences the fields that differ, in file order; empty unless changed
     */
    public record Entry(
            ScriptProvider provider, Change change, ProviderDefinition registry, List<FieldChange> differences) {

        public Entry {
            differences = List.copyOf(differences);
        }

        public String name() {
            return provider.name();
        }

        /**
         * The definition a providers file holds for it: the script's fields, with the registry provider's headers
         * (which the script cannot express) kept for a changed one.
         */
        public ProviderDefinition definition() {
            ProviderDefinition p = provider.definition();
            return registry == null
                    ? p
                    : new ProviderDefinition(
                            p.name(), p.kind(), p.apiKeyEnv(), p.baseUrlEnv(), p.baseUrl(), registry.headers());
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("kind", p -> p.kind().id()),
            new Field("apiKeyEnv", ProviderDefinition::apiKeyEnv),
            new Field("baseUrlEnv", ProviderDefinition::baseUrlEnv),
            new Field("baseUrl", ProviderDefinition::baseUrl));

    private record Field(String key, Function<ProviderDefinition, String> value) {}

    private final LegacyScript script;
    private final ProviderRegistry registry;
    private final List<Entry> entries;
    private final List<ProviderDefinition> removed;

    private ProviderComparison(
            LegacyScript script, ProviderRegistry registry, List<Entry> entries, List<ProviderDefinition> removed) {
        this.script = script;
        this.registry = registry;
        this.entries = List.copyOf(entries);
        this.removed = List.copyOf(removed);
    }

    /** Compares the script's providers with the registry's, field by field. */
    public static ProviderComparison of(LegacyScript script, ProviderRegistry registry) {
        List<Entry> entries = new ArrayList<>();
        for (ScriptProvider p : script.providers()) {
            ProviderDefinition known = registry.find(p.name()).orElse(null);
            if (known == null) {
                entries.add(new Entry(p, Change.ADDED, null, List.of()));
                continue;
            }
            List<FieldChange> differences = new ArrayList<>();
            for (Field f : FIELDS) {
                String was = f.value().apply(known);
                String is = f.value().apply(p.definition());
                if (!Objects.equals(was, is)) {
                    differences.add(new FieldChange(f.key(), was, is));
                }
            }
            entries.add(new Entry(p, differences.isEmpty() ? Change.UNCHANGED : Change.CHANGED, known, differences));
        }
        Set<String> inScript =
                script.providers().stream().map(ScriptProvider::name).collect(Collectors.toSet());
        List<ProviderDefinition> removed = registry.all().stream()
                .filter(p -> !inScript.contains(p.name()))
                .toList();
        return new ProviderComparison(script, registry, entries, removed);
    }

    public LegacyScript script() {
        return script;
    }

    /** Every provider of the script, in its order. */
    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> entries(Change change) {
        return entries.stream().filter(e -> e.change() == change).toList();
    }

    /** The registry's providers the script does not have, in registry order. */
    public List<ProviderDefinition> removed() {
        return removed;
    }

    /** Whether the script adds or changes a provider, i.e. whether a providers file is needed. */
    public boolean hasDifference() {
        return entries.stream().anyMatch(e -> e.change() != Change.UNCHANGED);
    }

    /** What a providers file holds: the added and changed providers, in the script's order. */
    public List<ProviderDefinition> toWrite() {
        return entries.stream()
                .filter(e -> e.change() != Change.UNCHANGED)
                .map(Entry::definition)
                .toList();
    }

    /**
     * The names that select exactly the script's providers from the registry with the providers file applied,
     * in that registry's order: the selection that leaves the removed ones out.
     */
    public List<String> selection() {
        Set<String> inScript = entries.stream().map(Entry::name).collect(Collectors.toSet());
        List<ProviderLayer> layers = new ArrayList<>(registry.layers());
        layers.add(ProviderLayer.configured("the providers file", "the one in the providers file", toWrite()));
        return ProviderRegistry.layered(layers).names().stream()
                .filter(inScript::contains)
                .toList();
    }

    /** The comparison as an aligned table: provider, script line, change, and what differs or is added. */
    public List<String> table() {
        TextTable table =
                TextTable.withHeader("PROVIDER", "LINE", "CHANGE", "DETAIL").alignRight(1);
        for (Entry e : entries) {
            table.row(e.name(), String.valueOf(e.provider().line()), e.change().label(), detail(e));
        }
        return table.lines();
    }

    private static String detail(Entry e) {
        return switch (e.change()) {
            case ADDED -> {
                ProviderDefinition p = e.provider().definition();
                yield p.kind().id() + ", key " + (p.apiKeyEnv() == null ? "(none)" : p.apiKeyEnv()) + ", "
                        + p.baseUrlEnv() + " = " + p.baseUrl();
            }
            case CHANGED -> e.differences().stream().map(FieldChange::toString).collect(Collectors.joining("; "));
            case UNCHANGED -> "";
        };
    }

    /** One line: how many providers of each change, and how many of the registry's the script lacks. */
    public String summary() {
        return script.providers().size() + " providers in the script: "
                + entries(Change.ADDED).size() + " added, "
                + entries(Change.CHANGED).size() + " changed, "
                + entries(Change.UNCHANGED).size() + " unchanged; "
                + removed.size() + " of the " + registry.names().size() + " built-in ones not in it";
    }
}
