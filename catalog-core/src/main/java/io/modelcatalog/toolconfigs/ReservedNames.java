package io.modelcatalog.toolconfigs;

import java.util.Locale;
import java.util.Set;

/**
 * Names a tool keeps for itself: codex's built-in provider ids, mods' special-client API names. A provider with
 * such a name is written as {@code <name>-catalog} in that tool's config.
 */
public final class ReservedNames {

    /** Provider ids codex defines itself and refuses to have redefined. */
    public static final Set<String> CODEX_PROVIDER_IDS = Set.of("openai", "ollama", "lmstudio", "amazon-bedrock");

    /** API names that make mods use a special client instead of the OpenAI-compatible one. */
    public static final Set<String> MODS_API_NAMES =
            Set.of("anthropic", "google", "cohere", "ollama", "azure", "azure-ad");

    /** What a reserved name gets appended. */
    public static final String SUFFIX = "-catalog";

    private ReservedNames() {}

    /** The name to use: {@code name}, or {@code name + "-catalog"} when {@code reserved} holds it (any case). */
    public static String avoid(String name, Set<String> reserved) {
        return reserved.contains(name.toLowerCase(Locale.ROOT)) ? name + SUFFIX : name;
    }
}
