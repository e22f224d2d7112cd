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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads provider definitions: the built-in resource (JSON) and users' providers files (YAML or JSON). Errors name
 * the file, line and column.
 */
final class ProviderFileReader {

    /**
     * The built-in resource is JSON, not YAML, read with a streaming parser: a fetch then starts neither a YAML
     * parser nor Jackson's data binding, which together cost a few hundred milliseconds in a fresh JVM.
     */
    private static final JsonFactory JSON = new JsonFactory();

    /** Loaded on first use only: most runs have no providers file. */
    private static final class Yaml {
        static final JsonFactory FACTORY = new YAMLFactory();
    }

    private static final String KEYS = "name, kind, baseUrl, baseUrlEnv, apiKeyEnv, headers";

    private ProviderFileReader() {}

    /** A JSON resource next to {@code owner}. */
    static List<ProviderDefinition> readResource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return read(in.readAllBytes(), name, JSON, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a providers file ({@code providers:} list of {@code name}, {@code kind}, {@code baseUrl},
     * {@code baseUrlEnv}, {@code apiKeyEnv}, {@code headers}). Its {@code families:} and {@code aliases:} are left to
     * {@code io.modelcatalog.identity.FamilyOverrides}.
     *
     * @throws ProviderFileException naming the file, line and column of the first problem
     */
    static List<ProviderDefinition> readFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProviderFileException(file + ": cannot read providers file: " + e.getMessage(), e);
        }
        checkSyntax(bytes, file.toString());
        return read(bytes, file.toString(), Yaml.FACTORY, false);
    }

    /**
     * Parses the whole file once for its syntax before any key is looked at, so a syntax error is reported as the
     * parser sees it (its position, its own words, one line) and not as whatever the half-read value looked like
     * (an unclosed {@code [} would otherwise read as a list where a single value belongs).
     */
    private static void checkSyntax(byte[] bytes, String source) {
        ProviderFileYaml.compose(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /** {@code file:line:column: <the parser's problem> (<its context> at line L, column C)}, on one line. */
    static String syntaxError(String source, MarkedYamlEngineException e) {
        Optional<Mark> problemAt = e.getProblemMark();
        Optional<Mark> contextAt = e.getContextMark();
        Mark at = problemAt.orElse(contextAt.orElse(null));
        StringBuilder sb = new StringBuilder(source);
        if (at != null) {
            sb.append(':').append(at.getLine() + 1).append(':').append(at.getColumn() + 1);
        }
        sb.append(": ").append(e.getProblem() == null ? "not valid YAML" : oneLine(e.getProblem()));
        if (e.getContext() != null) {
            sb.append(" (").append(oneLine(e.getContext()));
            contextAt
                    .filter(m -> problemAt.isPresent())
                    .ifPresent(m -> sb.append(" at line ")
                            .append(m.getLine() + 1)
                            .append(", column ")
                            .append(m.getColumn() + 1));
            sb.append(')');
        }
        return sb.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Reads a providers document; YAML is a superset of JSON, so a user's file may be either. Only the built-in one
     * may give a provider an {@code enrichment} (the legacy tool's Chutes request): a user's definition that
     * replaces a built-in one keeps the built-in's ({@link ProviderRegistry}).
     */
    private static List<ProviderDefinition> read(byte[] document, String source, JsonFactory format, boolean builtIn) {
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
                if (!builtIn && (field.equals("families") || field.equals("aliases"))) {
                    // family overrides and aliases: read by the identity package, against the catalog
                    parser.skipChildren();
                    seen = true;
                    continue;
                }
                if (!field.equals("providers")) {
                    throw new ProviderFileException(
                            at(source, fieldAt) + ": unknown key \"" + field
                                    + "\"; a providers file holds a 'providers:' list and may hold 'families:'"
                                    + " and 'aliases:'",
                            null);
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new ProviderFileException(
                            at(source, parser.currentLocation()) + ": 'providers' must be a list of providers", null);
                }
                seen = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    out.add(readEntry(parser, source, builtIn));
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
    private static ProviderDefinition readEntry(JsonParser parser, String source, boolean builtIn) throws IOException {
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
        String enrichment = null;
        JsonLocation baseUrlAt = entryAt;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentLocation();
            parser.nextToken();
            if (key.equals("baseUrl")) {
                baseUrlAt = parser.currentTokenLocation();
            }
            switch (key) {
                case "name" -> name = scalar(parser, source, key);
                case "kind" -> kind = scalar(parser, source, key);
                case "apiKeyEnv" -> apiKeyEnv = scalar(parser, source, key);
                case "baseUrlEnv" -> baseUrlEnv = scalar(parser, source, key);
                case "baseUrl" -> baseUrl = scalar(parser, source, key);
                case "headers" -> headers = headers(parser, source);
                case "enrichment" -> {
                    if (!builtIn) {
                        throw unknownKey(source, keyAt, key);
                    }
                    enrichment = scalar(parser, source, key);
                }
                default -> throw unknownKey(source, keyAt, key);
            }
        }
        try {
            return new ProviderDefinition(
                    name,
                    ProviderKind.parse(kind == null ? "openai" : kind),
                    apiKeyEnv,
                    baseUrlEnv,
                    baseUrl,
                    headers,
                    Optional.ofNullable(enrichment).map(Enrichment::parse));
        } catch (CredentialsInUrlException e) {
            throw new ProviderFileException(at(source, baseUrlAt) + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProviderFileException(at(source, entryAt) + ": " + e.getMessage(), e);
        }
    }

    private static ProviderFileException unknownKey(String source, JsonLocation keyAt, String key) {
        return new ProviderFileException(
                at(source, keyAt) + ": unknown key \"" + key + "\"; a provider has " + KEYS, null);
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
}
