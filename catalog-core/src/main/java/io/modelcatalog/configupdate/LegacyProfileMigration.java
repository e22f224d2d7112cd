package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.TomlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Moves the legacy {@code [profiles.<name>]} tables of codex's {@code config.toml} to the profile files codex reads
 * now, {@code <codex home>/<name>.config.toml}, all at once: each table's lines (its comments and layout) become its
 * file, and the table's lines leave {@code config.toml}; everything else in the file stays byte for byte. A field
 * codex no longer reads ({@code model_max_output_tokens}) is kept as a comment. A table is left where it is (and
 * reported as before) when its file exists already, its name is not a plain file name, or it is not a
 * {@code [header]} table without sub-tables. Both results are parsed again and compared with the original before
 * anything is written.
 */
final class LegacyProfileMigration {

    /** What codex reads in a profile file's name: no folders, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** Fields kept as a comment in the profile file: codex refuses them there. */
    private static final String COMMENTED_OUT = "model_max_output_tokens";

    private static final String PROFILES = "profiles";

    /**
     * @param config   config.toml's new text (the original one when nothing moved)
     * @param profiles each moved table's new file and its bytes, in the file's order
     */
    record Result(String config, Map<Path, byte[]> profiles) {}

    private LegacyProfileMigration() {}

    /** The profile files the tables of {@code doc} would move to (whether they exist or not). */
    static List<Path> targets(TomlDocument doc, Path home) {
        List<Path> out = new ArrayList<>();
        for (String name : movable(doc)) {
            out.add(file(home, name));
        }
        return out;
    }

    /** Moves every movable table whose file is absent ({@code current} holds the bytes of the files that exist). */
    static Result migrate(TomlDocument doc, Path home, Map<Path, byte[]> current) {
        ConfigText text = doc.text();
        String nl = text.lineEnding();
        TreeSet<Integer> removed = new TreeSet<>();
        Map<Path, byte[]> profiles = new LinkedHashMap<>();
        Map<String, Object> expected = castMap(TomlDocument.plain(doc.table()));
        Map<String, Object> expectedProfiles = castMap(expected.get(PROFILES));
        for (String name : movable(doc)) {
            Path file = file(home, name);
            if (current.get(file) != null) {
                continue;
            }
            List<String> path = List.of(PROFILES, name);
            TomlDocument.Region region = doc.region(path);
            int last = doc.lastContentLine(region.first(), region.last());
            StringBuilder out = new StringBuilder("# Moved here from the [profiles." + name + "] table of config.toml"
                    + " by model-catalog update-configs" + nl);
            int commentedLine = doc.line(List.of(PROFILES, name, COMMENTED_OUT));
            for (int line = region.first() + 1; line <= last; line++) {
                String content = text.text().substring(text.lineStart(line), text.lineContentEnd(line));
                out.append(line == commentedLine ? "# codex no longer reads this field: " + content : content)
                        .append(nl);
            }
            for (int line = region.first(); line <= last; line++) {
                removed.add(line);
            }
            // a blank line before the table and one after it would become two
            if (last + 1 < text.lineCount()
                    && text.isBlank(last + 1)
                    && (region.first() == 0 || text.isBlank(region.first() - 1))) {
                removed.add(last + 1);
            }
            String profileText = out.toString();
            Map<String, Object> want = castMap(expectedProfiles.remove(name));
            want.remove(COMMENTED_OUT);
            Object got = TomlDocument.plain(
                    TomlDocument.parse(text.withText(profileText)).table());
            if (!Objects.equals(want, got)) {
                throw new ConfigEditException(
                        text.file(),
                        region.first() + 1,
                        0,
                        "moving [profiles." + name + "] to " + file.getFileName() + " would change it",
                        "move that table by hand; this is a bug worth reporting");
            }
            profiles.put(file, text.encode(profileText));
        }
        if (profiles.isEmpty()) {
            return new Result(text.text(), profiles);
        }
        StringBuilder config = new StringBuilder();
        for (int line = 0; line < text.lineCount(); line++) {
            if (!removed.contains(line)) {
                config.append(text.text(), text.lineStart(line), text.lineEndWithBreak(line));
            }
        }
        String after = config.toString();
        Map<String, Object> got = castMap(
                TomlDocument.plain(TomlDocument.parse(text.withText(after)).table()));
        // without a [profiles] header of its own, the emptied table is gone rather than empty
        if (castMap(expected.get(PROFILES)).isEmpty() && !got.containsKey(PROFILES)) {
            expected.remove(PROFILES);
        }
        if (!Objects.equals(expected, got)) {
            throw new ConfigEditException(
                    text.file(),
                    "removing the moved [profiles.*] tables would change the rest of the file",
                    "move the tables by hand; this is a bug worth reporting");
        }
        return new Result(after, profiles);
    }

    private static Path file(Path home, String name) {
        return home.resolve(name + ".config.toml");
    }

    /** The legacy tables that can move: header tables with a plain file name and no sub-table. */
    private static List<String> movable(TomlDocument doc) {
        List<String> out = new ArrayList<>();
        if (!(doc.table().get(List.of(PROFILES)) instanceof TomlTable profiles)) {
            return out;
        }
        for (String name : profiles.keySet()) {
            if (!(profiles.get(List.of(name)) instanceof TomlTable t)
                    || !FILE_NAME.matcher(name).matches()
                    || !doc.isHeaderTable(List.of(PROFILES, name))) {
                continue;
            }
            boolean flat = true;
            for (String key : t.keySet()) {
                flat &= !(t.get(List.of(key)) instanceof TomlTable);
            }
            if (flat) {
                out.add(name);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
