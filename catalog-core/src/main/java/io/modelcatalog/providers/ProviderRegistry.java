package io.modelcatalog.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered set of providers by name, built from layers ({@link ProviderLayer}): the legacy tool's 40
 * providers (the data resource {@code builtin-providers.json}), then whatever the caller configures. A later layer
 * adds providers and replaces earlier ones of the same name at their position (keeping their
 * {@link Enrichment}); the registry remembers where each definition in force came from and what it replaced.
 *
 * <p>The built-in entries keep the legacy environment variable names. For atlascloud the legacy tool keyed its
 * default URL under the wrong variable; the resource gives the intended default.
 */
public final class ProviderRegistry {

    private final List<ProviderLayer> layers;
    private final Map<String, ProviderDefinition> byName;
    private final Map<String, ProviderOrigin> origins;
    private final List<Replacement> replacements;

    private ProviderRegistry(
            List<ProviderLayer> layers,
            Map<String, ProviderDefinition> byName,
            Map<String, ProviderOrigin> origins,
            List<Replacement> replacements) {
        this.layers = List.copyOf(layers);
        this.byName = byName;
        this.origins = origins;
        this.replacements = List.copyOf(replacements);
    }

    /** The legacy tool's providers, in its order. */
    public static ProviderRegistry builtIn() {
        return layered(List.of(ProviderLayer.builtInProviders()));
    }

    /**
     * The providers of these layers, in order: each layer may replace providers of the layers before it.
     *
     * @throws ProviderLayerException when a layer names a provider twice, or a configured provider's base URL is
     *     not an absolute http(s) URL; the message names the provider and the layer's source
     */
    public static ProviderRegistry layered(List<ProviderLayer> layers) {
        Map<String, ProviderDefinition> byName = new LinkedHashMap<>();
        Map<String, ProviderOrigin> origins = new LinkedHashMap<>();
        List<Replacement> replacements = new ArrayList<>();
        for (ProviderLayer layer : layers) {
            Set<String> seen = new HashSet<>();
            for (ProviderDefinition given : layer.providers()) {
                ProviderDefinition p = keepingEnrichment(given, byName.get(given.name()));
                if (!seen.add(p.name())) {
                    throw new ProviderLayerException(
                            p.name(),
                            layer.source(),
                            "Provider " + p.name() + " is defined twice in " + layer.source()
                                    + ": keep one definition");
                }
                if (!layer.builtIn()) {
                    checkBaseUrl(p, layer.source());
                }
                byName.put(p.name(), p);
                ProviderOrigin before = origins.get(p.name());
                List<ProviderLayer> replaced = new ArrayList<>();
                if (before != null) {
                    replaced.addAll(before.replaced());
                    replaced.add(before.layer());
                    replacements.add(new Replacement(p.name(), layer, before.layer()));
                }
                origins.put(p.name(), new ProviderOrigin(layer, replaced));
            }
        }
        return new ProviderRegistry(layers, byName, origins, replacements);
    }

    /**
     * A providers file cannot name an enrichment: a replacement keeps the one of the definition it replaces, as the
     * legacy tool enriched Chutes whatever its URL.
     */
    private static ProviderDefinition keepingEnrichment(ProviderDefinition given, ProviderDefinition replaced) {
        return replaced == null || given.enrichment().isPresent() ? given : given.withEnrichment(replaced.enrichment());
    }

    private static void checkBaseUrl(ProviderDefinition p, String source) {
        URI uri;
        try {
            uri = new URI(p.baseUrl().trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ProviderLayerException(
                    p.name(),
                    source,
                    "Provider " + p.name() + " in " + source + ": baseUrl '" + p.baseUrl()
                            + "' is not an absolute http(s) URL, e.g. https://api.example.com/v1");
        }
    }

    /** The layers, in order. */
    public List<ProviderLayer> layers() {
        return layers;
    }

    /** Where the named provider's definition in force came from, and the definitions it replaced. */
    public Optional<ProviderOrigin> origin(String name) {
        return Optional.ofNullable(origins.get(name));
    }

    /** Every replacement of a provider by a later layer, in the order the layers made them. */
    public List<Replacement> replacements() {
        return replacements;
    }

    public Optional<ProviderDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** All providers in registry order. */
    public List<ProviderDefinition> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The named providers in registry order, or all of them for an empty selection.
     *
     * @throws UnknownProviderException listing the valid names when one is unknown
     */
    public List<ProviderDefinition> select(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return all();
        }
        List<String> unknown =
                names.stream().filter(n -> !byName.containsKey(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProviderException(unknown, names());
        }
        return byName.values().stream().filter(p -> names.contains(p.name())).toList();
    }
}
