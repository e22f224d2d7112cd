package io.modelcatalog.providers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * kept as the data resource {@code builtin-providers.json}; users add or replace providers with
 * {@link #withOverrides(Collection)}.
 *
 * <p>The built-in entries keep the legacy environment variable names. For atlascloud the legacy tool keyed its
 * default URL under the wrong variable; the resource gives the intended default.
 */
public final class ProviderRegistry {

    /**
     * JSON, not YAML, read with a streaming parser: a fetch then starts neither a YAML parser nor Jackson's
     * data binding, which together cost a few hundred milliseconds in a fresh JVM.
     */
    private static final String BUILTIN_RESOURCE = "builtin-providers.json";

    private static final JsonFactory JSON = new JsonFactory();

    /** Loaded on first use only: most runs have no providers file. */
    private static final class Yaml {
        static final JsonFactory FACTORY = new YAMLFactory();
    }

    private static final String KEYS = "name, kind, baseUrl, baseUrlEnv, apiKeyEnv, headers";

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
            return of(read(in.readAllBytes(), BUILTIN_RESOURCE, JSON));
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
        return read(bytes, file.toString(), Yaml.FACTORY);
    }

    /** Reads a providers document; YAML is a superset of JSON, so a user's file may be either. */
    private static List<ProviderDefinition> read(byte[] document, String source, JsonFactory format) {
        List<ProviderDefinition> out = new ArrayList<>();
        try (JsonParser parser = format.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProviderFileException(source + ": expected a top-level 'providers:' list", null);
            }
            boolean seen = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonLocation fieldAt = parser.currentLocation();
                JsonToken value = parser.nextToken();
                if (!field.equals("providers")) {
                    throw new ProviderFileException(
                            at(source, fieldAt) + ": unknown key \"" + field
                                    + "\"; a providers file holds one 'providers:' list",
                            null);
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new ProviderFileException(
                            at(source, parser.currentLocation()) + ": 'providers' must be a list of providers", null);
                }
                seen = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    out.add(readEntry(parser, source));
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

    /** One list entry; errors name the entry's line, or the line of an unknown key. */
    private static ProviderDefinition readEntry(JsonParser parser, String source) throws IOException {
        JsonLocation entryAt = parser.currentLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ProviderFileException(at(source, entryAt) + ": a provider is a mapping of " + KEYS, null);
        }
        String name = null;
        String kind = null;
        String apiKeyEnv = null;
        String baseUrlEnv = null;
        String baseUrl = null;
        Map<String, String> headers = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentLocation();
            parser.nextToken();
            switch (key) {
                case "name" -> name = scalar(parser, source, key);
                case "kind" -> kind = scalar(parser, source, key);
                case "apiKeyEnv" -> apiKeyEnv = scalar(parser, source, key);
                case "baseUrlEnv" -> baseUrlEnv = scalar(parser, source, key);
                case "baseUrl" -> baseUrl = scalar(parser, source, key);
                case "headers" -> headers = headers(parser, source);
                default ->
                    throw new ProviderFileException(
                            at(source, keyAt) + ": unknown key \"" + key + "\"; a provider has " + KEYS, null);
            }
        }
        try {
            return new ProviderDefinition(
                    name, ProviderKind.parse(kind == null ? "openai" : kind), apiKeyEnv, baseUrlEnv, baseUrl, headers);
        } catch (IllegalArgumentException e) {
            throw new ProviderFileException(at(source, entryAt) + ": " + e.getMessage(), e);
        }
    }

    private static String scalar(JsonParser parser, String source, String key) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw new ProviderFileException(
                    at(source, parser.currentLocation()) + ": '" + key + "' must be a single value", null);
        }
        return parser.getText();
    }

    private static Map<String, String> headers(JsonParser parser, String source) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ProviderFileException(
                    at(source, parser.currentLocation()) + ": 'headers' must be a mapping of header name to value",
                    null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String header = parser.currentName();
            parser.nextToken();
            headers.put(header, scalar(parser, source, "headers." + header));
        }
        return headers;
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
        List<String> unknown =
                names.stream().filter(n -> !byName.containsKey(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProviderException(unknown, names());
        }
        return byName.values().stream().filter(p -> names.contains(p.name())).toList();
    }
}
