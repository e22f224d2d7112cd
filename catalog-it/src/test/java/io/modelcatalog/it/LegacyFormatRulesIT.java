package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of the legacy format through the real plugin: the writers' rule cases (python3-generated
 * expectations in catalog-core's {@code legacy-writers/} test resources: non-ASCII and astral characters, control
 * characters and DEL, each double shape, integers beyond 64 bits, the three document shapes, missing, empty and
 * duplicate ids, profile-name collisions, empty lists, context and max-output rules) served by a loopback server
 * as configured providers and fetched by a forked build.
 */
class LegacyFormatRulesIT {

    private static final String ROOT = "legacy-writers/";

    @TempDir
    Path work;

    private record TomlCase(String name, String provider, String baseUrl, String envKey) {}

    @Test
    void everyRuleCaseIsWrittenAsPythonWouldHave() throws Exception {
        List<TomlCase> tomlCases = new ArrayList<>();
        for (String line : read(ROOT + "toml/cases.txt").split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\\|", -1);
                tomlCases.add(new TomlCase(f[0], f[1], f[2], f[3].equals("-") ? null : f[3]));
            }
        }
        List<String> jsonCases = Arrays.stream(read(ROOT + "json/cases.txt").split("\n"))
                .filter(s -> !s.isBlank())
                .toList();

        try (LoopbackProviderServer server = new LoopbackProviderServer()) {
            StringBuilder providers = new StringBuilder("providers:\n");
            List<String> names = new ArrayList<>();
            ForkedMaven build = new ForkedMaven(work).goals(ForkedMaven.goal("fetch"));
            for (TomlCase c : tomlCases) {
                byte[] body = bytes(ROOT + "toml/" + c.name() + ".in.json");
                if (c.envKey() == null) {
                    // no key variable: a document fetched as is
                    server.route("/" + c.name() + "/doc.json", Response.json(body));
                    providers
                            .append("  - name: \"")
                            .append(c.provider())
                            .append("\"\n    kind: url\n    baseUrl: ")
                            .append(server.baseUrl())
                            .append('/')
                            .append(c.name())
                            .append("/doc.json\n");
                } else {
                    server.route("/" + c.name() + "/v1/models", Response.json(body));
                    providers
                            .append("  - name: \"")
                            .append(c.provider())
                            .append("\"\n    kind: openai\n    baseUrl: ")
                            .append(server.baseUrl())
                            .append('/')
                            .append(c.name())
                            .append("/v1\n    apiKeyEnv: ")
                            .append(c.envKey())
                            .append('\n');
                    build.env(c.envKey(), "sk-test-rules");
                }
                names.add(c.provider());
            }
            for (String c : jsonCases) {
                server.route("/json-" + c + ".json", Response.json(bytes(ROOT + "json/" + c + ".in.json")));
                providers
                        .append("  - name: json-")
                        .append(c)
                        .append("\n    kind: url\n    baseUrl: ")
                        .append(server.baseUrl())
                        .append("/json-")
                        .append(c)
                        .append(".json\n");
                names.add("json-" + c);
            }
            Path providersFile = work.resolve("providers.yaml");
            Files.writeString(providersFile, providers);
            Path models = work.resolve("models");
            ForkedMaven.Result result = build.property("catalog.outputDirectory", models)
                    .property("catalog.providersFile", providersFile)
                    .property("catalog.providers", String.join(",", names))
                    .run();
            assertEquals(0, result.exitCode(), result::text);

            List<String> differing = new ArrayList<>();
            for (TomlCase c : tomlCases) {
                String expectedToml = read(ROOT + "toml/" + c.name() + ".out.toml");
                String actualToml = Files.readString(models.resolve("models_" + c.provider() + ".toml"));
                if (!normalizeBaseUrl(actualToml, expectedToml).equals(expectedToml)) {
                    differing.add(c.name() + ".toml");
                }
                if (!Arrays.equals(
                        bytes(ROOT + "toml/" + c.name() + ".out.txt"),
                        Files.readAllBytes(models.resolve("models_" + c.provider() + ".txt")))) {
                    differing.add(c.name() + ".txt");
                }
            }
            for (String c : jsonCases) {
                if (!Arrays.equals(
                        bytes(ROOT + "json/" + c + ".out.json"),
                        Files.readAllBytes(models.resolve("models_json-" + c + ".json")))) {
                    differing.add(c + ".json");
                }
            }
            assertEquals(List.of(), differing, "cases whose files differ from Python's");
        }
    }

    /** Our base_url line names the loopback server; the expected file names the case's URL. */
    private static String normalizeBaseUrl(String actual, String expected) {
        String expectedLine = expected.lines()
                .filter(l -> l.startsWith("base_url = "))
                .findFirst()
                .orElseThrow();
        StringBuilder out = new StringBuilder();
        for (String line : actual.split("\n", -1)) {
            out.append(line.startsWith("base_url = ") ? expectedLine : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String read(String resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = LegacyFormatRulesIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            return in.readAllBytes();
        }
    }
}
