package io.modelcatalog.userconfigs;

import io.modelcatalog.providers.EnvironmentLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each tool keeps the user's own config, found the way the tool itself finds it (Linux): an explicitly given
 * path first, then the tool's environment variables, then its default under the home folder. The environment and
 * the home folder are passed in, so tests and forked builds decide them and never reach the real home.
 *
 * <table>
 * <caption>lookup order</caption>
 * <tr><th>tool</th><th>file</th></tr>
 * <tr><td>aichat</td><td>{@code $AICHAT_CONFIG_FILE}, else {@code $AICHAT_CONFIG_DIR/config.yaml}, else
 *     {@code <config>/aichat/config.yaml}</td></tr>
 * <tr><td>mods</td><td>{@code <config>/mods/mods.yml}</td></tr>
 * <tr><td>codex</td><td>{@code config.toml} in {@code $CODEX_HOME}, else in {@code ~/.codex}; profile files
 *     listed by {@link CodexManagedProfiles}</td></tr>
 * <tr><td>opencode</td><td>{@code $OPENCODE_CONFIG}, else {@code <config>/opencode/opencode.json}, else
 *     {@code opencode.jsonc} there when only that one exists</td></tr>
 * </table>
 *
 * <p>{@code <config>} is {@code $XDG_CONFIG_HOME} when it is set to an absolute path (as aichat, mods and opencode
 * all honour it), else {@code ~/.config}. A relative variable value is taken relative to the working folder, as the
 * tool would.
 */
public final class UserConfigLocations {

    /** A tool's config file and how it was found, for log lines such as "from AICHAT_CONFIG_DIR". */
    public record Location(Path file, String foundBy) {}

    private final EnvironmentLookup environment;
    private final Path home;
    private final Map<UserConfigTool, Path> given;

    /**
     * @param environment the variables the tools read
     * @param home the user's home folder (see {@link #homeFolder(EnvironmentLookup)})
     */
    public UserConfigLocations(EnvironmentLookup environment, Path home) {
        this(environment, home, new EnumMap<>(UserConfigTool.class));
    }

    private UserConfigLocations(EnvironmentLookup environment, Path home, Map<UserConfigTool, Path> given) {
        this.environment = environment;
        this.home = home.toAbsolutePath().normalize();
        this.given = given;
    }

    /**
     * The home folder as the tools see it: {@code $HOME}, else the JVM's {@code user.home} (which comes from the
     * password database, not from {@code $HOME}).
     */
    public static Path homeFolder(EnvironmentLookup environment) {
        return environment
                .get("HOME")
                .flatMap(UserConfigLocations::path)
                .orElseGet(() -> Path.of(System.getProperty("user.home")))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The same locations with an explicitly given path for a tool, which wins over its lookup: the config file for
     * aichat, mods and opencode, the codex home folder for codex. A null path leaves the lookup in force.
     */
    public UserConfigLocations withGiven(UserConfigTool tool, Path path) {
        Map<UserConfigTool, Path> copy = new EnumMap<>(UserConfigTool.class);
        copy.putAll(given);
        if (path == null) {
            copy.remove(tool);
        } else {
            copy.put(tool, path.toAbsolutePath().normalize());
        }
        return new UserConfigLocations(environment, home, copy);
    }

    public Path home() {
        return home;
    }

    /** The default backup directory, {@code ~/.cache/model-catalog/backups}. */
    public Path defaultBackupDirectory() {
        return home.resolve(".cache/model-catalog/backups");
    }

    /** aichat's {@code config.yaml}. */
    public Path aichatConfig() {
        return locate(UserConfigTool.AICHAT).file();
    }

    /** mods' {@code mods.yml}. */
    public Path modsConfig() {
        return locate(UserConfigTool.MODS).file();
    }

    /** codex's home folder, which holds {@code config.toml} and the profile files. */
    public Path codexHome() {
        if (given.containsKey(UserConfigTool.CODEX)) {
            return given.get(UserConfigTool.CODEX);
        }
        return variablePath("CODEX_HOME").orElseGet(() -> home.resolve(".codex"));
    }

    /** codex's {@code config.toml}. */
    public Path codexConfig() {
        return codexHome().resolve("config.toml");
    }

    /** opencode's global {@code opencode.json} (or {@code .jsonc}). */
    public Path opencodeConfig() {
        return locate(UserConfigTool.OPENCODE).file();
    }

    /**
     * A tool's main config file (codex: {@code config.toml}) and how it was found: {@code "given"} for an explicit
     * path, the variable's name, or {@code "default"}.
     */
    public Location locate(UserConfigTool tool) {
        Path explicit = given.get(tool);
        switch (tool) {
            case AICHAT -> {
                if (explicit != null) {
                    return new Location(explicit, "given");
                }
                Optional<Path> file = variablePath("AICHAT_CONFIG_FILE");
                if (file.isPresent()) {
                    return new Location(file.get(), "AICHAT_CONFIG_FILE");
                }
                Optional<Path> dir = variablePath("AICHAT_CONFIG_DIR");
                if (dir.isPresent()) {
                    return new Location(dir.get().resolve("config.yaml"), "AICHAT_CONFIG_DIR");
                }
                return inConfigFolder("aichat/config.yaml");
            }
            case MODS -> {
                return explicit != null ? new Location(explicit, "given") : inConfigFolder("mods/mods.yml");
            }
            case CODEX -> {
                String foundBy = explicit != null
                        ? "given"
                        : environment.get("CODEX_HOME").isPresent() ? "CODEX_HOME" : "default";
                return new Location(codexConfig(), foundBy);
            }
            case OPENCODE -> {
                if (explicit != null) {
                    return new Location(explicit, "given");
                }
                Optional<Path> file = variablePath("OPENCODE_CONFIG");
                if (file.isPresent()) {
                    return new Location(file.get(), "OPENCODE_CONFIG");
                }
                Location json = inConfigFolder("opencode/opencode.json");
                Path jsonc = json.file().resolveSibling("opencode.jsonc");
                return !Files.exists(json.file()) && Files.exists(jsonc) ? new Location(jsonc, json.foundBy()) : json;
            }
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        }
    }

    /**
     * Every file of a tool's config that this project reads, changes or backs up: the main file and, for codex,
     * the profile manifest and the profile files it lists ({@link CodexManagedProfiles}).
     *
     * @throws IOException when the codex profile manifest cannot be read
     */
    public List<Path> filesOf(UserConfigTool tool) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(locate(tool).file());
        if (tool == UserConfigTool.CODEX) {
            files.add(CodexManagedProfiles.manifest(codexHome()));
            files.addAll(CodexManagedProfiles.read(codexHome()));
        }
        return files;
    }

    /**
     * Whether a file is one of a tool's config files as located now: its main file (opencode: either of
     * {@code opencode.json} and {@code opencode.jsonc}); for codex also the profile manifest and any profile file
     * in the codex home.
     */
    public boolean belongsTo(UserConfigTool tool, Path file) {
        Path f = file.toAbsolutePath().normalize();
        Path main = locate(tool).file().toAbsolutePath().normalize();
        if (f.equals(main)) {
            return true;
        }
        if (tool == UserConfigTool.OPENCODE
                && !given.containsKey(tool)
                && variablePath("OPENCODE_CONFIG").isEmpty()) {
            Path dir = main.getParent();
            return f.equals(dir.resolve("opencode.json")) || f.equals(dir.resolve("opencode.jsonc"));
        }
        if (tool == UserConfigTool.CODEX) {
            Path codexHome = codexHome().toAbsolutePath().normalize();
            String name = f.getFileName().toString();
            return codexHome.equals(f.getParent())
                    && (name.equals(CodexManagedProfiles.MANIFEST_NAME)
                            || CodexManagedProfiles.isProfileFileName(name));
        }
        return false;
    }

    /** {@code <config>/relative}: under {@code $XDG_CONFIG_HOME} when set to an absolute path, else {@code ~/.config}. */
    private Location inConfigFolder(String relative) {
        Optional<Path> xdg = environment
                .get("XDG_CONFIG_HOME")
                .flatMap(UserConfigLocations::path)
                .filter(Path::isAbsolute);
        return xdg.isPresent()
                ? new Location(xdg.get().resolve(relative), "XDG_CONFIG_HOME")
                : new Location(home.resolve(".config").resolve(relative), "default");
    }

    private Optional<Path> variablePath(String name) {
        return environment
                .get(name)
                .flatMap(UserConfigLocations::path)
                .map(p -> p.toAbsolutePath().normalize());
    }

    private static Optional<Path> path(String value) {
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
