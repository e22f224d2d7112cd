package io.modelcatalog.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderEndpoint;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility contract: for every provider of the legacy corpus, the three writers produce the legacy
 * tool's files byte for byte. Chutes is left out: its files include the enrichment step, tested with it.
 */
class LegacyCorpusTest {

    static final String CORPUS = "/legacy-corpus/";

    /** The providers in {@code responses/} (without the chutes enrichment body). */
    static final List<String> PROVIDERS = List.of(
            "aihorde",
            "anthropic",
            "atlascloud",
            "baseten",
            "cerebras",
            "deepinfra",
            "deepseek",
            "enfer",
            "featherless",
            "fireworks",
            "friendli",
            "gemini",
            "groq",
            "huggingface",
            "hyperbolic",
            "inference",
            "infermatic",
            "litellm",
            "llm7",
            "lmstudio",
            "mancer",
            "mistral",
            "moonshot",
            "nebius",
            "novita",
            "openai",
            "openrouter",
            "parasail",
            "poe",
            "pollinations",
            "redpill",
            "sambanova",
            "targon",
            "togetherai",
            "zai");

    static byte[] resource(String path) {
        try (InputStream in = LegacyCorpusTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelList sorted(String provider) {
        JsonNode raw = JsonDocuments.parse(resource(CORPUS + "responses/" + provider + ".json"), provider);
        return ModelList.of(raw);
    }

    @Test
    void coversEveryProviderButChutes() {
        assertEquals(35, PROVIDERS.size());
        assertTrue(LegacyCorpusTest.class.getResource(CORPUS + "responses/chutes.json") != null);
    }

    @TestFactory
    Stream<DynamicTest> jsonFiles() {
        return PROVIDERS.stream()
                .map(p -> DynamicTest.dynamicTest("models_" + p + ".json", () -> {
                    byte[] expected = resource(CORPUS + "bak/models_" + p + ".json");
                    ModelList list = sorted(p);
                    assertBytes(expected, PythonJsonWriter.toBytes(list.document()), p + ".json");
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    PythonJsonWriter.write(list.document(), out);
                    assertBytes(expected, out.toByteArray(), p + ".json (stream)");
                }));
    }

    @TestFactory
    Stream<DynamicTest> txtFiles() {
        return PROVIDERS.stream()
                .map(p -> DynamicTest.dynamicTest(
                        "models_" + p + ".txt",
                        () -> assertBytes(
                                resource(CORPUS + "bak/models_" + p + ".txt"),
                                LegacyTxtWriter.toBytes(sorted(p)),
                                p + ".txt")));
    }

    /** The corpus' own registry ({@code providers.csv}: name, kind, api_key_env, url_env, default_url) as definitions. */
    static Map<String, ProviderDefinition> corpusRegistry() {
        Map<String, ProviderDefinition> out = new LinkedHashMap<>();
        String csv = new String(resource(CORPUS + "providers.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            out.put(f[0], new ProviderDefinition(f[0], ProviderKind.parse(f[1]), f[2], f[3], f[4], Map.of()));
        }
        return out;
    }

    /**
     * The TOML's {@code base_url} and {@code env_key} come from the built-in registry; it must agree with the
     * corpus' own registry for every legacy provider.
     */
    @Test
    void builtInRegistryAgreesWithTheCorpusRegistry() {
        ProviderRegistry builtIn = ProviderRegistry.builtIn();
        for (ProviderDefinition legacy : corpusRegistry().values()) {
            ProviderDefinition def = builtIn.find(legacy.name()).orElseThrow(() -> new AssertionError(legacy.name()));
            assertEquals(legacy.apiKeyEnv(), def.apiKeyEnv(), legacy.name() + " env_key");
            assertEquals(
                    ProviderEndpoint.resolve(legacy, EnvironmentLookup.of(Map.of()))
                            .configBaseUrl(),
                    ProviderEndpoint.resolve(def, EnvironmentLookup.of(Map.of()))
                            .configBaseUrl(),
                    legacy.name() + " base_url");
        }
    }

    @TestFactory
    Stream<DynamicTest> tomlFiles() {
        ProviderRegistry registry = ProviderRegistry.builtIn();
        return PROVIDERS.stream()
                .map(p -> DynamicTest.dynamicTest("models_" + p + ".toml", () -> {
                    ProviderDefinition def = registry.find(p).orElseThrow();
                    String baseUrl = ProviderEndpoint.resolve(def, EnvironmentLookup.of(Map.of()))
                            .configBaseUrl();
                    byte[] actual = LegacyTomlWriter.toBytes(p, baseUrl, def.apiKeyEnv(), sorted(p));
                    assertBytes(resource(CORPUS + "bak/models_" + p + ".toml"), actual, p + ".toml");
                }));
    }

    /** Equal bytes; on a difference, the message shows the first differing line instead of megabytes. */
    static void assertBytes(byte[] expected, byte[] actual, String what) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        String e = new String(expected, StandardCharsets.UTF_8);
        String a = new String(actual, StandardCharsets.UTF_8);
        int i = 0;
        while (i < e.length() && i < a.length() && e.charAt(i) == a.charAt(i)) {
            i++;
        }
        int line = 1;
        for (int k = 0; k < i; k++) {
            if (e.charAt(k) == '\n') {
                line++;
            }
        }
        int from = Math.max(0, i - 80);
        assertEquals(
                snippet(e, from, i),
                snippet(a, from, i),
                what + ": first difference at char " + i + ", line " + line + " (lengths " + expected.length + " vs "
                        + actual.length + ")");
        assertEquals(expected.length, actual.length, what);
    }

    private static String snippet(String s, int from, int at) {
        return s.substring(Math.min(from, s.length()), Math.min(s.length(), at + 80));
    }
}
