package io.modelcatalog.providers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered set of providers by name. The built-in registry is the legacy tool's 40 providers,
 * kept as the data resource {@code builtin-providers.yaml}; users add or replace providers with
 * {@link #withOverrides(Collection)}.
 */
public final class ProviderRegistry {

    private static final String BUILTIN_RESOURCE = "builtin-providers.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Map<String, ProviderDefinition> byName;

    private ProviderRegistry(Map<String, ProviderDefinition> byName) {
        this.byName = byName;
    }

    /** The legacy tool's providers, in its order. */
    public static ProviderRegistry builtIn() {
        try (InputStream in = ProviderRegistry.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
            }
            return of(read(in.readAllBytes(), BUILTIN_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry of exactly these providers; a repeated name is an error. */
    public static ProviderRegistry of(Collection<ProviderDefinition> providers) {
        Map<String, ProviderDefinition> map = new LinkedHashMap<>();
        for (ProviderDefinition p : providers) {
            if (map.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("provider '" + p.name() + "' is defined twice");
            }
        }
        return new ProviderRegistry(map);
    }

    /**
     * Reads a providers file ({@code providers:} list of {@code name}, {@code kind}, {@code baseUrl},
     * {@code baseUrlEnv}, {@code apiKeyEnv}, {@code headers}).
     *
     * @throws ProviderFileException naming the file, line and column of the first problem
     */
    public static List<ProviderDefinition> readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProviderFileException(file + ": cannot read providers file: " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    private static List<ProviderDefinition> read(byte[] yaml, String source) {
        List<ProviderDefinition> out = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProviderFileException(source + ": expected a top-level 'providers:' list", null);
            }
            boolean seen = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("providers")) {
                    throw new ProviderFileException(at(source, parser.currentLocation()) + ": unknown key '" + field
                            + "'; a providers file holds one 'providers:' list", null);
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new ProviderFileException(at(source, parser.currentLocation())
                            + ": 'providers' must be a list of providers", null);
                }
                seen = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation entryStart = parser.currentLocation();
                    ProviderEntry entry = YAML.readValue(parser, ProviderEntry.class);
                    try {
                        out.add(entry.toDefinition());
                    } catch (IllegalArgumentException e) {
                        throw new ProviderFileException(at(source, entryStart) + ": " + e.getMessage(), e);
                    }
                }
            }
            if (!seen) {
                throw new ProviderFileException(source + ": expected a top-level 'providers:' list", null);
            }
        } catch (JsonProcessingException e) {
            throw new ProviderFileException(at(source, e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProviderFileException(source + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String at(String source, JsonLocation location) {
        return location == null ? source : source + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /**
     * This registry with the given providers added; one with the name of an existing provider replaces it
     * at its position.
     */
    public ProviderRegistry withOverrides(Collection<ProviderDefinition> overrides) {
        Map<String, ProviderDefinition> map = new LinkedHashMap<>(byName);
        Map<String, ProviderDefinition> seen = new LinkedHashMap<>();
        for (ProviderDefinition p : overrides) {
            if (seen.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("provider '" + p.name() + "' is configured twice");
            }
            map.put(p.name(), p);
        }
        return new ProviderRegistry(map);
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
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProviderException(unknown, names());
        }
        return byName.values().stream().filter(p -> names.contains(p.name())).toList();
    }

    /** One entry of a providers file, before validation. */
    record ProviderEntry(
            String name, String kind, String apiKeyEnv, String baseUrlEnv, String baseUrl, Map<String, String> headers) {

        ProviderDefinition toDefinition() {
            return new ProviderDefinition(name, ProviderKind.parse(kind), apiKeyEnv, baseUrlEnv, baseUrl, headers);
        }
    }
}
