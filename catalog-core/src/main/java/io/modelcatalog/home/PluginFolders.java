package io.modelcatalog.home;

import io.modelcatalog.providers.EnvironmentLookup;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the plugin keeps its own files (the response cache, generate-configs' record of what it rendered, backups
 * and locks), one rule for all of them:
 *
 * <ul>
 *   <li>the home folder is {@code $HOME} when it is set to an absolute path, else the JVM's {@code user.home};
 *   <li>the plugin's folder is {@code $XDG_CACHE_HOME/model-catalog} when that variable is set to an absolute path
 *       (as the XDG base directory specification says: a relative one is ignored), else
 *       {@code <home>/.cache/model-catalog};
 *   <li>in it: the response cache itself (one folder per provider), {@code backups/} and {@code locks/}.
 * </ul>
 *
 * <p>The environment is handed in, so a test, or a build that sets {@code HOME} for a fork, decides every path and
 * nothing reaches the account's own home. Immutable and thread-safe.
 */
public final class PluginFolders {

    /** The plugin's folder name under the cache root. */
    public static final String NAME = "model-catalog";

    private final Path home;
    private final Path root;

    private PluginFolders(Path home, Path root) {
        this.home = home;
        this.root = root;
    }

    /** The folders for the given environment, with the JVM's {@code user.home} when {@code HOME} is unusable. */
    public static PluginFolders of(EnvironmentLookup environment) {
        return of(environment, Path.of(System.getProperty("user.home")));
    }

    /** The folders for the given environment and fallback home folder. */
    public static PluginFolders of(EnvironmentLookup environment, Path userHome) {
        Path home =
                absolute(environment, "HOME").orElse(userHome.toAbsolutePath().normalize());
        Path root = absolute(environment, "XDG_CACHE_HOME")
                .map(p -> p.resolve(NAME))
                .orElse(home.resolve(".cache").resolve(NAME));
        return new PluginFolders(home, root);
    }

    private static Optional<Path> absolute(EnvironmentLookup environment, String variable) {
        return environment.get(variable).flatMap(v -> {
            try {
                Path p = Path.of(v);
                return p.isAbsolute() ? Optional.of(p.normalize()) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        });
    }

    /** The home folder: {@code $HOME} (absolute), else {@code user.home}. */
    public Path home() {
        return home;
    }

    /** The plugin's own folder, which is also the response cache: {@code <cache root>/model-catalog}. */
    public Path root() {
        return root;
    }

    /** The default response cache folder: {@link #root()}. */
    public Path responseCache() {
        return root;
    }

    /** The default backup folder: {@code backups/} in {@link #root()}. */
    public Path backups() {
        return root.resolve("backups");
    }

    /** Where the locks of users' config files and of a catalog's replacement are: {@code locks/} in {@link #root()}. */
    public Path locks() {
        return root.resolve("locks");
    }
}
