package io.modelcatalog.tools;

import io.modelcatalog.home.PluginFolders;
import io.modelcatalog.providers.EnvironmentLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
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
 *     listed by {@link io.modelcatalog.configupdate.CodexManagedProfiles}</td></tr>
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
    public record Location(Path file, FoundBy foundBy) {

        /** Whether the file is there (through its links): a user who has none does not use the tool here. */
        public boolean exists() {
            return Files.exists(file);
        }
    }

    /** How a tool's config was found. */
    public sealed interface FoundBy {

        /** Given explicitly ({@link #withGiven}). */
        FoundBy GIVEN = new Given();

        /** The tool's default under the home folder. */
        FoundBy DEFAULT = new Default();

        /** Given explicitly. */
        record Given() implements FoundBy {}

        /** From an environment variable the tool reads, such as {@code AICHAT_CONFIG_DIR} or {@code XDG_CONFIG_HOME}. */
        record Variable(String name) implements FoundBy {}

        /** The tool's default under the home folder. */
        record Default() implements FoundBy {}
    }

    private final EnvironmentLookup environment;
    private final Path home;
    private final Map<Tool, Path> given;

    /**
     * @param environment the variables the tools read
     * @param home the user's home folder (see {@link #homeFolder(EnvironmentLookup)})
     */
    public UserConfigLocations(EnvironmentLookup environment, Path home) {
        this(environment, home, new EnumMap<>(Tool.class));
    }

    private UserConfigLocations(EnvironmentLookup environment, Path home, Map<Tool, Path> given) {
        this.environment = environment;
        this.home = home.toAbsolutePath().normalize();
        this.given = given;
    }

    /**
     * The home folder as the tools see it: {@code $HOME} when absolute, else the JVM's {@code user.home} (which comes
     * from the password database, not from {@code $HOME}); the same home as the plugin's own files
     * ({@link PluginFolders#home()}).
     */
    public static Path homeFolder(EnvironmentLookup environment) {
        return PluginFolders.of(environment).home();
    }

    /**
     * The same locations with an explicitly given path for a tool, which wins over its lookup: the config file, or
     * the home folder for a tool whose config is found in one ({@link Tool#givenAsFolder()}: codex). A null path
     * leaves the lookup in force.
     */
    public UserConfigLocations withGiven(Tool tool, Path path) {
        Map<Tool, Path> copy = new EnumMap<>(Tool.class);
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

    /** aichat's {@code config.yaml}. */
    public Path aichatConfig() {
        return locate(Tool.AICHAT).file();
    }

    /** mods' {@code mods.yml}. */
    public Path modsConfig() {
        return locate(Tool.MODS).file();
    }

    /** codex's home folder, which holds {@code config.toml} and the profile files. */
    public Path codexHome() {
        return codexConfig().getParent();
    }

    /** codex's {@code config.toml}. */
    public Path codexConfig() {
        return locate(Tool.CODEX).file();
    }

    /** opencode's global {@code opencode.json} (or {@code .jsonc}). */
    public Path opencodeConfig() {
        return locate(Tool.OPENCODE).file();
    }

    /** A tool's main config file (codex: {@code config.toml}) and how it was found. */
    public Location locate(Tool tool) {
        return tool.locate(this);
    }

    /**
     * Every file of a tool's config that this project reads, changes or backs up: the main file and, for codex,
     * the profile manifest and the profile files it lists.
     *
     * @throws IOException when the codex profile manifest cannot be read
     */
    public List<Path> filesOf(Tool tool) throws IOException {
        return tool.files(this);
    }

    /**
     * Whether a file is one of a tool's config files as located now: its main file (opencode found in the config
     * folder: either of {@code opencode.json} and {@code opencode.jsonc}); for codex also the profile manifest and
     * any profile file in the codex home.
     */
    public boolean belongsTo(Tool tool, Path file) {
        return tool.owns(this, file.toAbsolutePath().normalize());
    }

    /**
     * Whether a file is a config file of any tool as located now ({@link #belongsTo}): the only files a restore
     * may write.
     */
    public boolean isConfigFile(Path file) {
        return Arrays.stream(Tool.values()).anyMatch(t -> belongsTo(t, file));
    }

    /** The path given for a tool, if any. */
    Optional<Location> given(Tool tool) {
        return Optional.ofNullable(given.get(tool)).map(p -> new Location(p, FoundBy.GIVEN));
    }

    /** The path a variable holds, if it is set. */
    Optional<Location> variable(String name) {
        return variablePath(name).map(p -> new Location(p, new FoundBy.Variable(name)));
    }

    /** A file in the folder a variable holds, if it is set. */
    Optional<Location> variable(String name, String file) {
        return variablePath(name).map(p -> new Location(p.resolve(file), new FoundBy.Variable(name)));
    }

    /** {@code <config>/relative}: under {@code $XDG_CONFIG_HOME} when set to an absolute path, else {@code ~/.config}. */
    Location inConfigFolder(String relative) {
        Optional<Path> xdg = environment
                .get("XDG_CONFIG_HOME")
                .flatMap(UserConfigLocations::path)
                .filter(Path::isAbsolute);
        return xdg.isPresent()
                ? new Location(xdg.get().resolve(relative), new FoundBy.Variable("XDG_CONFIG_HOME"))
                : new Location(home.resolve(".config").resolve(relative), FoundBy.DEFAULT);
    }

    /** {@code ~/relative}, the tool's default. */
    Location inHome(String relative) {
        return new Location(home.resolve(relative), FoundBy.DEFAULT);
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
