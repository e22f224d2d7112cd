package io.modelcatalog.configupdate;

/**
 * What happened to one provider's entry in one file.
 *
 * @param provider      the provider
 * @param entry         the entry as the tool names it, e.g. {@code clients: groq}, {@code apis.groq},
 *                      {@code [model_providers.groq]}, or a profile file's name
 * @param action        added, updated, unchanged, or removed (a file of its own, such as a codex profile)
 * @param modelsAdded   models added to the entry
 * @param modelsRemoved models removed from it (prune, replace)
 */
public record EntryChange(String provider, String entry, Action action, int modelsAdded, int modelsRemoved) {

    /** The entry's fate. */
    public enum Action {
        ADDED,
        UPDATED,
        UNCHANGED,
        REMOVED
    }
}
