package io.modelcatalog.testing;

import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy corpus on the test classpath ({@code legacy-corpus/}): the providers' real responses and the files
 * the legacy tool wrote for them, plus the wiring that serves the responses from a {@link LoopbackProviderServer}.
 */
public final class LegacyCorpus {

    public static final String ROOT = "legacy-corpus/";
    /** Where the Chutes enrichment body is served. */
    public static final String CHUTES_API_PATH = "/chutes-api/chutes/";

    private LegacyCorpus() {}

    /** The providers that have a recorded response, in registry order (36 of the 40). */
    public static List<ProviderDefinition> providers() {
        List<ProviderDefinition> out = new ArrayList<>();
        for (ProviderDefinition p : ProviderRegistry.builtIn().all()) {
            if (LegacyCorpus.class.getClassLoader().getResource(ROOT + "responses/" + p.name() + ".json") != null) {
                out.add(p);
            }
        }
        return out;
    }

    public static List<String> providerNames() {
        return providers().stream().map(ProviderDefinition::name).toList();
    }

    public static byte[] response(String provider) {
        return read(ROOT + "responses/" + provider + ".json");
    }

    public static byte[] chutesApi() {
        return read(ROOT + "responses/_chutes_api.json");
    }

    /** A file of the legacy dump folder, e.g. {@code models_openai.toml}. */
    public static byte[] bak(String fileName) {
        return read(ROOT + "bak/" + fileName);
    }

    public static Optional<byte[]> bakIfPresent(String fileName) {
        return LegacyCorpus.class.getClassLoader().getResource(ROOT + "bak/" + fileName) == null
                ? Optional.empty()
                : Optional.of(bak(fileName));
    }

    /** The path a provider's model list is served at. */
    public static String modelsPath(ProviderDefinition p) {
        return p.kind() == ProviderKind.URL ? "/" + p.name() + "/document.json" : "/" + p.name() + "/v1/models";
    }

    /** The test key of a provider: recognisable, so tests can assert it never shows up in logs or files. */
    public static String testKey(String provider) {
        return "sk-test-" + provider + "-0123456789abcdefDONOTLEAK";
    }

    /**
     * Routes every corpus provider (and the Chutes enrichment endpoint) on the server, and returns the
     * environment that points the providers at it: base URL variables, keys, {@code CHUTES_CHUTES_URL}.
     */
    public static Map<String, String> serve(LoopbackProviderServer server) {
        Map<String, String> env = new LinkedHashMap<>();
        for (ProviderDefinition p : providers()) {
            server.route(modelsPath(p), LoopbackProviderServer.Response.json(response(p.name())));
            env.putAll(environmentFor(server, p));
        }
        server.route(CHUTES_API_PATH, LoopbackProviderServer.Response.json(chutesApi()));
        env.put("CHUTES_CHUTES_URL", server.baseUrl() + CHUTES_API_PATH + "?include_public=true&include_schemas=false");
        return env;
    }

    /** The variables that point one provider at the server, with its test key. */
    public static Map<String, String> environmentFor(LoopbackProviderServer server, ProviderDefinition p) {
        Map<String, String> env = new LinkedHashMap<>();
        String base = p.kind() == ProviderKind.URL
                ? server.baseUrl() + modelsPath(p)
                : server.baseUrl() + "/" + p.name() + "/v1";
        env.put(p.baseUrlEnv(), base);
        if (p.apiKeyEnv() != null) {
            env.put(p.apiKeyEnv(), testKey(p.name()));
        }
        return env;
    }

    /**
     * A legacy TOML with its {@code base_url} line replaced by the one of the corpus file, as the corpus README
     * prescribes for tests against a local server.
     */
    public static String withBakBaseUrl(String provider, String toml) {
        String bak = new String(bak("models_" + provider + ".toml"), StandardCharsets.UTF_8);
        String bakLine = baseUrlLine(bak);
        String ours = baseUrlLine(toml);
        return ours == null || bakLine == null
                ? toml
                : toml.replaceFirst(Pattern.quote(ours), Matcher.quoteReplacement(bakLine));
    }

    private static String baseUrlLine(String toml) {
        for (String line : toml.split("\n", -1)) {
            if (line.startsWith("base_url = ")) {
                return line;
            }
        }
        return null;
    }

    private static byte[] read(String resource) {
        try (InputStream in = LegacyCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
