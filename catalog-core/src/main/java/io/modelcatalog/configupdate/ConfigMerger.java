package io.modelcatalog.configupdate;

import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings one tool's own config files up to date with the catalog's entries for some providers, leaving every
 * byte outside those entries as it was. One implementation per tool (aichat, codex, mods, OpenCode), each built
 * with the paths of that tool's files.
 *
 * <p>A merger does no I/O: {@link ConfigUpdater} locks the files it names, reads them, passes their bytes to
 * {@link #merge}, and writes what comes back (after a backup), or prints it as a diff in a dry run. A merger must
 * verify its own result before returning it: parse the new text again, and check that the data outside the
 * managed entries is unchanged and the managed entries hold what was intended (see
 * {@code io.modelcatalog.configediting} for the parsers, the splicing and {@code ManagedLines}). Implementations
 * are immutable and thread-safe.
 */
public interface ConfigMerger {

    /** The tool's id, as in the tools list: {@code aichat}, {@code codex}, {@code mods}, {@code opencode}. */
    String tool();

    /**
     * Every file this merger may read, change or remove for these providers (the config file; for codex also the
     * profile files it would write, its profile manifest and the profile files that lists, which it reads here:
     * the one read before the lock, what {@link #merge} then sees decides), so that the caller can lock and back
     * them up. Absolute paths.
     */
    List<Path> files(List<ProviderModels> providers);

    /**
     * The new content of each file of {@link #files}.
     *
     * @param providers the catalog's providers, each with its models after include/exclude
     * @param strategy  how entries the user already has are updated
     * @param current   the current bytes of each file of {@link #files} that exists (a missing key: the file does
     *                  not exist)
     * @return one result per file of {@link #files}, in that order
     * @throws io.modelcatalog.configediting.ConfigEditException when a file cannot be merged safely (it does not
     *     parse, has duplicate keys or tab indentation, is not shaped as the tool expects, or the verification
     *     of the result failed); nothing may be written then
     */
    List<FileMerge> merge(List<ProviderModels> providers, MergeStrategy strategy, Map<Path, byte[]> current);

    /**
     * What this merger's results depend on besides the providers, the strategy and its files' bytes (its class, its
     * paths, its options), as text that changes whenever they do. A rerun may decide "nothing to change" without
     * merging only when every merger gives one; empty (the default) means it cannot tell, and its runs always merge.
     */
    default Optional<String> fingerprint() {
        return Optional.empty();
    }

    /**
     * As {@link #merge(List, MergeStrategy, Map)}, knowing the names of every model each provider lists before
     * include/exclude, so that {@code prune} can tell a model that is gone from one left out: codex removes the
     * profile files it wrote for gone models. By default the other {@code merge}.
     *
     * @param listed by provider name, every model name the provider lists
     */
    default List<FileMerge> merge(
            List<ProviderModels> providers,
            Map<String, Set<String>> listed,
            MergeStrategy strategy,
            Map<Path, byte[]> current) {
        return merge(providers, strategy, current);
    }
}
