package io.modelcatalog.providers;

import java.util.List;

/**
 * Where a provider's definition in force came from.
 *
 * @param layer    the layer of the definition in force
 * @param replaced the layers whose definitions of the same name it replaced, oldest first
 */
public record ProviderOrigin(ProviderLayer layer, List<ProviderLayer> replaced) {

    public ProviderOrigin {
        replaced = List.copyOf(replaced);
    }

    /** Whether the definition in force is a built-in one. */
    public boolean builtIn() {
        return layer.builtIn();
    }

    /** Whether a configured definition replaced a built-in one. */
    public boolean replacesBuiltIn() {
        return !layer.builtIn() && replaced.stream().anyMatch(ProviderLayer::builtIn);
    }
}
