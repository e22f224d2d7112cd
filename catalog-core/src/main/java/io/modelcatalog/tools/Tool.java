package io.modelcatalog.tools;

import io.modelcatalog.configupdate.AichatMerger;
import io.modelcatalog.configupdate.CodexManagedProfiles;
import io.modelcatalog.configupdate.CodexMerger;
import io.modelcatalog.configupdate.ConfigMerger;
import io.modelcatalog.configupdate.ModsMerger;
import io.modelcatalog.configupdate.OpenCodeMerger;
import io.modelcatalog.toolconfigs.AichatConfig;
import io.modelcatalog.toolconfigs.CodexConfig;
import io.modelcatalog.toolconfigs.ModsConfig;
import io.modelcatalog.toolconfigs.OpenCodeConfig;
import io.modelcatalog.toolconfigs.ToolWriter;
import io.modelcatalog.tools.UserConfigLocations.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CLI tools this project writes configs for, each with all that is particular to it: its id (in a tools list,
 * and the folder of its generated files), the {@link ToolWriter} of those files, the {@link ConfigMerger} of the
 * user's own config, and the rule by which the tool finds that config (given path, then the tool's variables, then
 * its default; see {@link UserConfigLocations}).
 */
public enum Tool {
    /** aichat: {@code $AICHAT_CONFIG_FILE}, else {@code $AICHAT_CONFIG_DIR/config.yaml}, else {@code <config>/aichat/config.yaml}. */
    AICHAT {
        @Override
        public ToolWriter writer() {
            return new AichatConfig();
        }

        @Override
        public ConfigMerger merger(UserConfigLocations locations, boolean profiles) {
            return new AichatMerger(locations.locate(this).file());
        }

        @Override
        Location locate(UserConfigLocations l) {
            return l.given(this)
                    .or(() -> l.variable("AICHAT_CONFIG_FILE"))
                    .or(() -> l.variable("AICHAT_CONFIG_DIR", "config.yaml"))
                    .orElseGet(() -> l.inConfigFolder("aichat/config.yaml"));
        }
    },

    /** codex: its home folder is {@code $CODEX_HOME}, else {@code ~/.codex}; its config is {@code config.toml} there. */
    CODEX {
        @Override
        public ToolWriter writer() {
            return new CodexConfig();
        }

        @Override
        public ConfigMerger merger(UserConfigLocations locations, boolean profiles) {
            return new CodexMerger(locations.codexHome(), profiles);
        }

        @Override
        public ConfigMerger merger(UserConfigLocations locations, boolean profiles, boolean migrateLegacyProfiles) {
            return new CodexMerger(locations.codexHome(), profiles, migrateLegacyProfiles);
        }

        @Override
        public boolean givenAsFolder() {
            return true;
        }

        @Override
        Location locate(UserConfigLocations l) {
            Location home = l.given(this).or(() -> l.variable("CODEX_HOME")).orElseGet(() -> l.inHome(".codex"));
            return new Location(home.file().resolve("config.toml"), home.foundBy());
        }

        /** Also the profile manifest and the profile files it lists ({@link CodexManagedProfiles}). */
        @Override
        List<Path> files(UserConfigLocations l) throws IOException {
            List<Path> files = new ArrayList<>(super.files(l));
            files.add(CodexManagedProfiles.manifest(l.codexHome()));
            files.addAll(CodexManagedProfiles.read(l.codexHome()));
            return files;
        }

        /** Also the profile manifest and any profile file in the codex home. */
        @Override
        boolean owns(UserConfigLocations l, Path file) {
            String name = file.getFileName().toString();
            return super.owns(l, file)
                    || (l.codexHome().toAbsolutePath().normalize().equals(file.getParent())
                            && (name.equals(CodexManagedProfiles.MANIFEST_NAME)
                                    || CodexManagedProfiles.isProfileFileName(name)));
        }
    },

    /** mods: {@code <config>/mods/mods.yml}. */
    MODS {
        @Override
        public ToolWriter writer() {
            return new ModsConfig();
        }

        @Override
        public ConfigMerger merger(UserConfigLocations locations, boolean profiles) {
            return new ModsMerger(locations.locate(this).file());
        }

        @Override
        Location locate(UserConfigLocations l) {
            return l.given(this).orElseGet(() -> l.inConfigFolder("mods/mods.yml"));
        }
    },

    /**
     * OpenCode: {@code $OPENCODE_CONFIG}, else {@code <config>/opencode/opencode.json}, else {@code opencode.jsonc}
     * there when only that one exists.
     */
    OPENCODE {
        @Override
        public ToolWriter writer() {
            return new OpenCodeConfig();
        }

        @Override
        public ConfigMerger merger(UserConfigLocations locations, boolean profiles) {
            return new OpenCodeMerger(locations.locate(this).file());
        }

        @Override
        Location locate(UserConfigLocations l) {
            return l.given(this).or(() -> l.variable("OPENCODE_CONFIG")).orElseGet(() -> {
                Location json = l.inConfigFolder("opencode/opencode.json");
                Path jsonc = json.file().resolveSibling("opencode.jsonc");
                return !Files.exists(json.file()) && Files.exists(jsonc) ? new Location(jsonc, json.foundBy()) : json;
            });
        }

        /** Found in the config folder: either of {@code opencode.json} and {@code opencode.jsonc} there. */
        @Override
        boolean owns(UserConfigLocations l, Path file) {
            if (super.owns(l, file)) {
                return true;
            }
            if (l.given(this).isPresent() || l.variable("OPENCODE_CONFIG").isPresent()) {
                return false;
            }
            Path dir = l.locate(this).file().toAbsolutePath().normalize().getParent();
            return file.equals(dir.resolve("opencode.json")) || file.equals(dir.resolve("opencode.jsonc"));
        }
    };

    /** The tool's name in a tools list and the folder of its generated files: {@code aichat}, {@code codex}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The writer of this tool's generated files. */
    public abstract ToolWriter writer();

    /**
     * The merger of the user's own config of this tool, at its location.
     *
     * @param profiles codex: also write a profile file per model (for the models include selects); others ignore it
     */
    public abstract ConfigMerger merger(UserConfigLocations locations, boolean profiles);

    /**
     * The merger, as {@link #merger(UserConfigLocations, boolean)}.
     *
     * @param migrateLegacyProfiles codex: also move the legacy {@code [profiles.*]} tables of config.toml to
     *     profile files; others ignore it
     */
    public ConfigMerger merger(UserConfigLocations locations, boolean profiles, boolean migrateLegacyProfiles) {
        return merger(locations, profiles);
    }

    /** Whether a path given for this tool names its home folder (codex) rather than its config file. */
    public boolean givenAsFolder() {
        return false;
    }

    /** The tool's main config file and how it was found. */
    abstract Location locate(UserConfigLocations locations);

    /** Every file of the tool's config that this project reads, changes or backs up; by default the main file. */
    List<Path> files(UserConfigLocations locations) throws IOException {
        return List.of(locate(locations).file());
    }

    /** Whether a file (absolute, normalized) is one of the tool's config files as located now; by default the main one. */
    boolean owns(UserConfigLocations locations, Path file) {
        return file.equals(locate(locations).file().toAbsolutePath().normalize());
    }

    /** The writers of these tools, in the tools' order. */
    public static List<ToolWriter> writers(Set<Tool> tools) {
        return tools.stream().sorted().map(Tool::writer).toList();
    }

    /** Parses names such as {@code aichat,codex} (case and blanks around a name do not matter); none means all. */
    public static Set<Tool> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(Tool.class);
        }
        EnumSet<Tool> out = EnumSet.noneOf(Tool.class);
        for (String n : names) {
            String t = n.trim().toLowerCase(Locale.ROOT);
            out.add(Arrays.stream(values())
                    .filter(v -> v.id().equals(t))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown tool '" + n + "'; use one of "
                            + Arrays.stream(values()).map(Tool::id).collect(Collectors.joining(", ")))));
        }
        return out;
    }
}
