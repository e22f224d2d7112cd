package io.modelcatalog.providers;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One layer of provider definitions: the built-in providers, a providers file, or whatever a caller configures
 * (a build file's entries). Later layers add providers and replace earlier ones of the same name.
 *
 * @param source    where the definitions come from, for messages ({@code /work/providers.yaml})
 * @param label     how a definition of this layer is named when a later layer replaces it
 *                  ({@code the built-in one}, {@code the one in providers.yaml})
 * @param builtIn   whether this is the built-in layer
 * @param providers the definitions, in order
 */
public record ProviderLayer(String source, String label, boolean builtIn, List<ProviderDefinition> providers) {

    private static final String BUILTIN_RESOURCE = "builtin-providers.json";

    public ProviderLayer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        providers = List.copyOf(providers);
    }

    /** The legacy tool's providers, in its order. */
    public static ProviderLayer builtInProviders() {
        return new ProviderLayer(
                "the built-in providers",
                "the built-in one",
                true,
                ProviderFileReader.readResource(ProviderLayer.class, BUILTIN_RESOURCE));
    }

    /**
     * The providers of a providers file.
     *
     * @throws ProviderFileException naming the file, line and column of the first problem
     */
    public static ProviderLayer file(Path file) {
        return configured(file.toString(), "the one in " + file.getFileName(), ProviderFileReader.readFile(file));
    }

    /** Providers a caller configured; {@code source} and {@code label} as the record's. */
    public static ProviderLayer configured(String source, String label, List<ProviderDefinition> providers) {
        return new ProviderLayer(source, label, false, providers);
    }
}
