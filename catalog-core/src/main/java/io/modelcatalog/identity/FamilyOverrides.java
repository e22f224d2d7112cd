package io.modelcatalog.identity;

import io.modelcatalog.providers.ProviderFileException;
import io.modelcatalog.providers.ProviderFileYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A user's corrections to the families, as the providers file declares them next to its {@code providers:} list:
 *
 * <pre>
 * families:
 *   join:                      # provider/id: the family id it belongs to
 *     "featherless/Some-Org/Llama-3.3-70B-Instruct-FP8": meta-llama/llama-3.3-70b-instruct
 *   split:                     # provider/id that is a family of its own
 *     - "openrouter/some/model"
 * aliases:                     # short name: a family id, provider/id or model id
 *   llama70: meta-llama/llama-3.3-70b-instruct
 *   oss: groq/openai/gpt-oss-120b
 * </pre>
 *
 * <p>What the file alone can tell is checked when it is read (node types, {@code provider/id} form, canonical family
 * ids, a member both joined and split, an alias declared twice); what needs the catalog is checked when the index is
 * built ({@link FamilyIndex#build(List, FamilyOverrides)}). Every error names the file, line and column, as
 * snakeyaml-engine's marks give them. Immutable.
 *
 * @param source  the file, as messages name it; empty for {@link #none()}
 * @param joins   members moved into a family, in file order
 * @param splits  members made families of their own, in file order
 * @param aliases short names, in file order
 */
public record FamilyOverrides(String source, List<Join> joins, List<Split> splits, List<Alias> aliases) {

    /** A position in the file: 1-based line and column. */
    public record At(String source, int line, int column) {
        @Override
        public String toString() {
            return source + ":" + line + ":" + column;
        }
    }

    /** {@code provider/id} joined to the family {@code family}; {@code at} is the key's position. */
    public record Join(String provider, String id, String family, At at, At familyAt) {}

    /** {@code provider/id} made a family of its own. */
    public record Split(String provider, String id, At at) {}

    /** A short name for {@code target} (a family id, {@code provider/id} or model id). */
    public record Alias(String name, String target, At at, At targetAt) {}

    /** A family id: lowercase {@code maker/name}, no spaces. */
    static final Pattern CANONICAL = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._~+-]*");

    private static final String FAMILIES_KEYS = "join (provider/id: family id) and split (a list of provider/id)";

    public FamilyOverrides {
        joins = List.copyOf(joins);
        splits = List.copyOf(splits);
        aliases = List.copyOf(aliases);
    }

    /** No corrections. */
    public static FamilyOverrides none() {
        return new FamilyOverrides("", List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return joins.isEmpty() && splits.isEmpty() && aliases.isEmpty();
    }

    /** The aliases as {@link ModelLookup} takes them. */
    public Map<String, String> aliasMap() {
        Map<String, String> out = new HashMap<>();
        aliases.forEach(a -> out.put(a.name(), a.target()));
        return out;
    }

    /**
     * Reads the {@code families:} and {@code aliases:} of a providers file (YAML or JSON); its other keys are the
     * providers reader's.
     *
     * @throws FamilyOverrideException naming the file, line and column of the first problem
     */
    public static FamilyOverrides read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FamilyOverrideException(file + ": cannot read providers file: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads the corrections of a providers document; {@code source} names it in messages. */
    public static FamilyOverrides parse(String text, String source) {
        Optional<Node> root;
        try {
            root = ProviderFileYaml.compose(text, source);
        } catch (ProviderFileException e) {
            throw new FamilyOverrideException(e.getMessage());
        }
        List<Join> joins = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
            return new FamilyOverrides(source, joins, splits, aliases);
        }
        for (NodeTuple t : top.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (key.equals("families")) {
                families(t.getValueNode(), source, joins, splits);
            } else if (key.equals("aliases")) {
                aliases(t.getValueNode(), source, aliases);
            }
        }
        Map<String, Join> joined = new HashMap<>();
        joins.forEach(j -> joined.put(j.provider() + "/" + j.id(), j));
        for (Split s : splits) {
            Join j = joined.get(s.provider() + "/" + s.id());
            if (j != null) {
                throw new FamilyOverrideException(s.at() + ": " + s.provider() + "/" + s.id() + " is both joined (line "
                        + j.at().line() + ") and split; keep one");
            }
        }
        return new FamilyOverrides(source, joins, splits, aliases);
    }

    private static void families(Node node, String source, List<Join> joins, List<Split> splits) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, source, "'families' must be a mapping with " + FAMILIES_KEYS);
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), source, "a key of 'families'");
            switch (key) {
                case "join" -> join(t.getValueNode(), source, joins);
                case "split" -> split(t.getValueNode(), source, splits);
                default ->
                    throw error(
                            t.getKeyNode(),
                            source,
                            "unknown key \"" + key + "\" in 'families'; it has " + FAMILIES_KEYS);
            }
        }
    }

    private static void join(Node node, String source, List<Join> joins) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, source, "'families.join' must be a mapping of provider/id to a family id");
        }
        Map<String, At> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String member = scalar(t.getKeyNode(), source, "a member of 'families.join' (provider/id)");
            At at = at(t.getKeyNode(), source);
            int slash = slash(member, t.getKeyNode(), source, "families.join");
            At before = seen.putIfAbsent(member, at);
            if (before != null) {
                throw new FamilyOverrideException(
                        at + ": " + member + " is joined twice (first at line " + before.line() + "); keep one");
            }
            String family = scalar(t.getValueNode(), source, "the family id " + member + " joins");
            canonical(family, t.getValueNode(), source);
            joins.add(new Join(
                    member.substring(0, slash), member.substring(slash + 1), family, at, at(t.getValueNode(), source)));
        }
    }

    private static void split(Node node, String source, List<Split> splits) {
        if (!(node instanceof SequenceNode list)) {
            throw error(node, source, "'families.split' must be a list of provider/id");
        }
        Map<String, At> seen = new HashMap<>();
        for (Node item : list.getValue()) {
            String member = scalar(item, source, "a member of 'families.split' (provider/id)");
            At at = at(item, source);
            int slash = slash(member, item, source, "families.split");
            At before = seen.putIfAbsent(member, at);
            if (before != null) {
                throw new FamilyOverrideException(
                        at + ": " + member + " is split twice (first at line " + before.line() + "); keep one");
            }
            splits.add(new Split(member.substring(0, slash), member.substring(slash + 1), at));
        }
    }

    private static void aliases(Node node, String source, List<Alias> aliases) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, source, "'aliases' must be a mapping of short name to a family id or provider/id");
        }
        Map<String, At> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String name = scalar(t.getKeyNode(), source, "an alias (a short name)");
            At at = at(t.getKeyNode(), source);
            if (name.isBlank()) {
                throw new FamilyOverrideException(at + ": an alias must not be empty");
            }
            At before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
            if (before != null) {
                throw new FamilyOverrideException(at + ": alias \"" + name + "\" is declared twice (first at line "
                        + before.line() + "); keep one");
            }
            String target = scalar(t.getValueNode(), source, "what alias \"" + name + "\" names");
            aliases.add(new Alias(name, target.trim(), at, at(t.getValueNode(), source)));
        }
    }

    private static int slash(String member, Node node, String source, String where) {
        int slash = member.indexOf('/');
        if (slash <= 0 || slash == member.length() - 1) {
            throw error(
                    node,
                    source,
                    "'" + where + "': \"" + member + "\" is not provider/id (e.g. groq/llama-3.3-70b-versatile)");
        }
        return slash;
    }

    private static void canonical(String family, Node node, String source) {
        if (!CANONICAL.matcher(family).matches()) {
            String lower = family.trim().toLowerCase(Locale.ROOT);
            throw error(
                    node,
                    source,
                    "family id \"" + family + "\" is not canonical: a family id is lowercase " + "maker/name"
                            + (CANONICAL.matcher(lower).matches() ? " (" + lower + ")" : ""));
        }
    }

    private static String scalar(Node node, String source, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw error(
                node,
                source,
                what + " must be a single value, not a " + (node instanceof MappingNode ? "mapping" : "list"));
    }

    private static At at(Node node, String source) {
        Mark m = node.getStartMark().orElse(null);
        return m == null ? new At(source, 0, 0) : new At(source, m.getLine() + 1, m.getColumn() + 1);
    }

    private static FamilyOverrideException error(Node node, String source, String message) {
        return new FamilyOverrideException(at(node, source) + ": " + message);
    }
}
