package io.modelcatalog.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.LegacyCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {

    @TempDir
    Path dir;

    @Test
    void builtInMatchesTheLegacyProvidersCsv() throws Exception {
        List<String> lines =
                new String(readCsv(), StandardCharsets.UTF_8).lines().skip(1).toList();
        List<ProviderDefinition> all = ProviderRegistry.builtIn().all();
        assertEquals(40, all.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            ProviderDefinition p = all.get(i);
            assertEquals(f[0], p.name());
            assertEquals(ProviderKind.parse(f[1]), p.kind());
            assertEquals(f[2].isEmpty() ? null : f[2], p.apiKeyEnv());
            assertEquals(f[3], p.baseUrlEnv());
            assertEquals(f[4], p.baseUrl());
        }
    }

    private static byte[] readCsv() throws Exception {
        try (var in = LegacyCorpus.class.getClassLoader().getResourceAsStream(LegacyCorpus.ROOT + "providers.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void unknownSelectionListsValidNames() {
        UnknownProviderException e = assertThrows(
                UnknownProviderException.class, () -> ProviderRegistry.builtIn().select(List.of("openai", "nope")));
        assertEquals(List.of("nope"), e.unknown());
        assertTrue(e.getMessage().contains("valid names: aihorde, anthropic"), e.getMessage());
    }

    @Test
    void anUnknownNameCloseToAValidOneSuggestsItWhateverTheCase() {
        UnknownProviderException e = assertThrows(
                UnknownProviderException.class,
                () -> ProviderRegistry.builtIn().select(List.of("Groq", "opnai", "nosuchthing")));
        assertTrue(
                e.getMessage()
                        .startsWith("unknown providers Groq (did you mean groq?), opnai (did you mean openai?),"
                                + " nosuchthing; valid names: aihorde, "),
                e.getMessage());
    }

    @Test
    void selectionKeepsRegistryOrder() {
        List<String> names = new ArrayList<>();
        ProviderRegistry.builtIn().select(List.of("zai", "groq", "anthropic")).forEach(p -> names.add(p.name()));
        assertEquals(List.of("anthropic", "groq", "zai"), names);
    }

    @Test
    void baseUrlComesFromItsVariableAndModelsUrlIsDerived() {
        ProviderDefinition groq = ProviderRegistry.builtIn().find("groq").orElseThrow();
        assertEquals(
                "https://api.groq.com/openai/v1/models",
                ProviderEndpoint.resolve(groq, EnvironmentLookup.of(Map.of())).modelsUrl());
        ProviderEndpoint local =
                ProviderEndpoint.resolve(groq, EnvironmentLookup.of(Map.of("GROQ_API_OPENAI", "http://h:1/v1/")));
        assertEquals("http://h:1/v1/models", local.modelsUrl());
        assertEquals("http://h:1/v1", local.configBaseUrl());
        ProviderDefinition litellm = ProviderRegistry.builtIn().find("litellm").orElseThrow();
        ProviderEndpoint doc = ProviderEndpoint.resolve(litellm, EnvironmentLookup.of(Map.of()));
        assertEquals(litellm.baseUrl(), doc.modelsUrl());
        assertEquals(litellm.baseUrl(), doc.configBaseUrl());
    }

    @Test
    void configBaseUrlDoesNotReproduceTheRstripQuirk() {
        ProviderDefinition p = new ProviderDefinition("x", ProviderKind.OPENAI, null, null, "http://h/api/tools", null);
        // Python's rstrip('/models') would have eaten "tools" down to "t"
        assertEquals(
                "http://h/api/tools",
                ProviderEndpoint.resolve(p, EnvironmentLookup.of(Map.of())).configBaseUrl());
    }

    @Test
    void providersFileAddsAndReplaces() throws Exception {
        Path file = dir.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n"
                        + "  - name: local\n    kind: openai\n    baseUrl: http://localhost:8080/v1\n    apiKeyEnv: LOCAL_KEY\n"
                        + "    headers:\n      X-Team: blue\n"
                        + "  - name: groq\n    kind: openai\n    baseUrl: http://proxy.internal/groq/v1\n");
        ProviderRegistry r =
                ProviderRegistry.layered(List.of(ProviderLayer.builtInProviders(), ProviderLayer.file(file)));
        assertEquals(41, r.all().size());
        assertEquals(
                "http://proxy.internal/groq/v1", r.find("groq").orElseThrow().baseUrl());
        assertEquals(
                r.names().indexOf("groq"), ProviderRegistry.builtIn().names().indexOf("groq"), "replaced in place");
        assertEquals(Map.of("X-Team", "blue"), r.find("local").orElseThrow().headers());
    }

    @Test
    void onlyChutesIsEnrichedAndAReplacementKeepsItsEnrichment() throws Exception {
        assertEquals(
                List.of("chutes"),
                ProviderRegistry.builtIn().all().stream()
                        .filter(p -> p.enrichment().isPresent())
                        .map(ProviderDefinition::name)
                        .toList());
        assertEquals(
                Optional.of(Enrichment.CHUTES),
                ProviderRegistry.builtIn().find("chutes").orElseThrow().enrichment());
        Path file = dir.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n  - name: chutes\n    baseUrl: https://chutes.proxy.example/v1\n"
                        + "  - name: chutes2\n    baseUrl: https://chutes.proxy.example/v1\n");
        ProviderRegistry r = ProviderRegistry.layered(List.of(
                ProviderLayer.builtInProviders(),
                ProviderLayer.file(file),
                ProviderLayer.configured(
                        "the build file",
                        "the build file's one",
                        List.of(new ProviderDefinition(
                                "chutes", ProviderKind.OPENAI, "K", null, "http://127.0.0.1:1/v1", null)))));
        ProviderDefinition chutes = r.find("chutes").orElseThrow();
        assertEquals("http://127.0.0.1:1/v1", chutes.baseUrl());
        assertEquals(Optional.of(Enrichment.CHUTES), chutes.enrichment(), "through two replacements");
        assertEquals(Optional.empty(), r.find("chutes2").orElseThrow().enrichment(), "a name of its own: none");
    }

    @Test
    void aProvidersFileCannotNameAnEnrichment() throws Exception {
        Path file = dir.resolve("providers.yaml");
        Files.writeString(
                file, "providers:\n  - name: mine\n    baseUrl: https://x.example/v1\n    enrichment: chutes\n");
        ProviderFileException e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));
        assertEquals(
                file + ":4:15: unknown key \"enrichment\"; a provider has name, kind, baseUrl, baseUrlEnv, apiKeyEnv,"
                        + " headers",
                e.getMessage());
    }

    @Test
    void layersKnowEachProvidersOriginAndWhatItReplaced() throws Exception {
        Path file = dir.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n"
                        + "  - name: corp\n    baseUrl: https://llm.corp.example/v1\n"
                        + "  - name: groq\n    baseUrl: https://proxy.corp.example/groq/v1\n");
        ProviderLayer builtIn = ProviderLayer.builtInProviders();
        ProviderLayer fromFile = ProviderLayer.file(file);
        ProviderLayer fromBuild = ProviderLayer.configured(
                "the build file",
                "the build file's one",
                List.of(new ProviderDefinition(
                        "groq", ProviderKind.OPENAI, null, null, "http://127.0.0.1:1/v1", null)));
        ProviderRegistry r = ProviderRegistry.layered(List.of(builtIn, fromFile, fromBuild));

        assertEquals(List.of(builtIn, fromFile, fromBuild), r.layers());
        assertEquals("http://127.0.0.1:1/v1", r.find("groq").orElseThrow().baseUrl());
        ProviderOrigin groq = r.origin("groq").orElseThrow();
        assertEquals(fromBuild, groq.layer());
        assertEquals(List.of(builtIn, fromFile), groq.replaced());
        assertTrue(groq.replacesBuiltIn());
        ProviderOrigin corp = r.origin("corp").orElseThrow();
        assertFalse(corp.builtIn() || corp.replacesBuiltIn());
        assertTrue(r.origin("openai").orElseThrow().builtIn());
        assertEquals(
                List.of(
                        "Provider groq: the definition in " + file + " replaces the built-in one",
                        "Provider groq: the definition in the build file replaces the one in providers.yaml"),
                r.replacements().stream().map(Replacement::describe).toList());
    }

    @Test
    void aLayerNamingAProviderTwiceOrWithANonHttpUrlIsRejected() {
        ProviderDefinition a = new ProviderDefinition("corp", ProviderKind.OPENAI, null, null, "https://a/v1", null);
        ProviderDefinition b = new ProviderDefinition("corp", ProviderKind.OPENAI, null, null, "https://b/v1", null);
        ProviderLayerException twice = assertThrows(
                ProviderLayerException.class,
                () -> ProviderRegistry.layered(List.of(ProviderLayer.configured("my.yaml", "x", List.of(a, b)))));
        assertEquals("Provider corp is defined twice in my.yaml: keep one definition", twice.getMessage());
        assertEquals("corp", twice.provider());
        assertEquals("my.yaml", twice.source());
        // once per layer is fine: the later one wins
        ProviderRegistry.layered(List.of(
                ProviderLayer.configured("one", "x", List.of(a)), ProviderLayer.configured("two", "y", List.of(b))));

        ProviderDefinition noScheme =
                new ProviderDefinition("corp", ProviderKind.OPENAI, null, null, "llm.corp.example/v1", null);
        ProviderLayerException url = assertThrows(
                ProviderLayerException.class,
                () -> ProviderRegistry.layered(List.of(ProviderLayer.configured("my.yaml", "x", List.of(noScheme)))));
        assertEquals(
                "Provider corp in my.yaml: baseUrl 'llm.corp.example/v1' is not an absolute http(s) URL, "
                        + "e.g. https://api.example.com/v1",
                url.getMessage());
    }

    @Test
    void badProvidersFileNamesFileAndLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file,
                "providers:\n  - name: ok\n    baseUrl: http://x/v1\n    kind: openai\n"
                        + "  - name: ../etc\n    kind: openai\n    baseUrl: http://x/v1\n");
        ProviderFileException e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid provider name '../etc'"), e.getMessage());
        Files.writeString(file, "providers:\n  - name: x\n    kind: grpc\n    baseUrl: http://x\n");
        e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));
        assertTrue(e.getMessage().contains("unknown provider kind 'grpc'"), e.getMessage());
        Files.writeString(file, "providers:\n  - name: x\n    kind: openai\n    baseUrl: http://x\n    colour: red\n");
        e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));
        assertTrue(e.getMessage().matches("(?s).*bad\\.yaml:\\d+:\\d+: .*\"colour\".*"), e.getMessage());
    }

    /* A YAML syntax error is the parser's: one line, its position, its own words. */

    @Test
    void aTabInAProvidersFileIsReportedWhereTheParserFindsIt() throws Exception {
        Path file = dir.resolve("tab.yaml");
        Files.writeString(file, "providers:\n  - name: corp\n\tkind: openai\n    baseUrl: http://x/v1\n");

        ProviderFileException e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));

        // the parser's position (line 3, column 1: the tab), not the one of the last token read (2:15 before)
        assertEquals(
                file + ":3:1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
                        + "indentation) (while scanning for the next token)",
                e.getMessage());
    }

    @Test
    void anUnclosedBracketIsASyntaxErrorNotAListWhereAValueBelongs() throws Exception {
        Path file = dir.resolve("bracket.yaml");
        Files.writeString(
                file, "providers:\n  - name: corp\n    kind: openai\n    baseUrl: [http://x/v1\n  - name: b\n");

        ProviderFileException e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));

        // was "'baseUrl' must be a single value": the half-read value looked like a list
        assertEquals(
                file + ":5:9: expected ',' or ']', but got : (while parsing a flow sequence at line 4, column 14)",
                e.getMessage());
    }

    @Test
    void providerNamesAreFileNameSafe() {
        for (String bad : List.of("", "a/b", "..", "a b", "x\\y", "é")) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new ProviderDefinition(bad, ProviderKind.OPENAI, null, null, "http://x", null),
                    bad);
        }
        new ProviderDefinition("my-provider_2.v1", ProviderKind.OPENAI, null, null, "http://x", null);
    }

    @Test
    void apiKeyNeverPrintsItself() {
        ApiKey key = new ApiKey("sk-very-secret", "env X");
        assertTrue(!key.toString().contains("sk-very-secret"));
    }

    /* A password in a base URL is refused where it is read, naming file and line. */

    @Test
    void aProvidersFileWithAPasswordInABaseUrlIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("providers.yaml");
        Files.writeString(
                file,
                "providers:\n  - name: local\n    kind: openai\n    apiKeyEnv: LOCAL_KEY\n"
                        + "    baseUrl: http://user:secret@localhost:8080/v1\n");

        ProviderFileException e = assertThrows(ProviderFileException.class, () -> ProviderLayer.file(file));

        assertEquals(
                file + ":5:14: provider 'local': baseUrl 'http://***@localhost:8080/v1' holds a user name or "
                        + "password: remove it and put the key in the provider's key variable (apiKeyEnv)",
                e.getMessage());
        assertTrue(e.getCause() instanceof CredentialsInUrlException, String.valueOf(e.getCause()));
    }

    @Test
    void aDefinitionWithAPasswordInItsBaseUrlIsRefused() {
        CredentialsInUrlException e = assertThrows(
                CredentialsInUrlException.class,
                () -> new ProviderDefinition("p", ProviderKind.URL, null, null, "https://me:pw@host/doc.json", null));
        assertFalse(e.getMessage().contains("pw@"), e.getMessage());
        assertEquals("p", e.provider());
        // a user name alone is user info too; an @ in the path is not
        assertThrows(
                CredentialsInUrlException.class,
                () -> new ProviderDefinition("p", ProviderKind.URL, null, null, "https://me@host/", null));
        new ProviderDefinition("p", ProviderKind.URL, null, null, "https://host/models/@latest", null);
    }

    @Test
    void credentialsAreMaskedInAnyText() {
        assertEquals(
                "HTTP 401 from http://***@h:1/v1/models?api_key=***&x=1; retried",
                UrlCredentials.mask("HTTP 401 from http://user:secret@h:1/v1/models?api_key=abc&x=1; retried"));
        assertEquals(
                "two: https://***@a/ and 'https://***@b/'",
                UrlCredentials.mask("two: https://u:p@a/ and 'https://v:q@b/'"));
        assertEquals("no URL here", UrlCredentials.mask("no URL here"));
    }
}
