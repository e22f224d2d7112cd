package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LegacyCorpus;
import io.modelcatalog.testing.LoopbackProviderServer;
import io.modelcatalog.testing.LoopbackProviderServer.Fault;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch} under the faults, caches, proxies and credentials of the real internet, in forked builds. */
class FetchResilienceIT {

    /** Providers that fail in the fault run, with what their server does. */
    private static final List<String> FAILING =
            List.of("cerebras", "deepseek", "enfer", "mancer", "moonshot", "sambanova");

    @TempDir
    Path work;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    private ForkedMaven fetch(Path models, String providers) {
        return new ForkedMaven(work)
                .goals(ForkedMaven.goal("fetch"))
                .property("catalog.outputDirectory", models)
                .property("catalog.providers", providers)
                .env(corpus.env());
    }

    /** What the log's line for a failed provider says after {@code FAILED: }; the names are padded to one width. */
    private static String failure(ForkedMaven.Result result, String provider) {
        int width = LegacyCorpus.providerNames().stream()
                .mapToInt(String::length)
                .max()
                .orElseThrow();
        String start = String.format("[WARNING] %-" + width + "s FAILED: ", provider);
        return result.log().stream()
                .filter(l -> l.startsWith(start))
                .map(l -> l.substring(start.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + start + "in\n" + result.text()));
    }

    private static String all() {
        return String.join(",", LegacyCorpus.providerNames());
    }

    @Test
    void eachFaultFailsOnlyItsProviderAndKeepsItsFiles() throws Exception {
        Path models = work.resolve("models");
        assertEquals(0, fetch(models, all()).run().exitCode());
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String p : FAILING) {
            for (String ext : List.of("json", "txt", "toml")) {
                before.put("models_" + p + "." + ext, Files.readAllBytes(models.resolve("models_" + p + "." + ext)));
            }
        }
        byte[] groqBefore = LegacyCorpus.response("groq");

        try (LoopbackProviderServer elsewhere = new LoopbackProviderServer()) {
            elsewhere.route("/targon/v1/models", Response.json(LegacyCorpus.response("targon")));
            corpus.server().route("/groq/v1/models", Response.status(500, "try again"), Response.json(groqBefore));
            corpus.server()
                    .route(
                            "/zai/v1/models",
                            Response.status(429, "slow down").header("Retry-After", "1"),
                            Response.json(LegacyCorpus.response("zai")));
            corpus.server().route("/cerebras/v1/models", Response.fault(Fault.HANG));
            corpus.server().route("/deepseek/v1/models", Response.fault(Fault.TRUNCATE));
            corpus.server().route("/enfer/v1/models", Response.json("{\"data\": [{\"id\": \"x\",}]}"));
            corpus.server()
                    .route("/mancer/v1/models", Response.html("<!DOCTYPE html><html><title>Sign in</title></html>"));
            corpus.server().route("/moonshot/v1/models", Response.json(""));
            corpus.server().route("/sambanova/v1/models", Response.fault(Fault.RESET));
            // another host: "localhost" is not the provider's "127.0.0.1"
            corpus.server()
                    .route(
                            "/targon/v1/models",
                            Response.status(302, "")
                                    .header("Location", "http://localhost:" + elsewhere.port() + "/targon/v1/models"));

            ForkedMaven.Result result = fetch(models, all())
                    .property("catalog.timeout", 2)
                    .property("catalog.retries", 1)
                    .debug(true)
                    .run();
            assertEquals(0, result.exitCode(), result::text);
            // the 30 that succeed bring the same data as the first run, so their files are left as they were
            assertTrue(result.logContains("36 providers: 0 written, 30 unchanged, 0 skipped, 6 failed;"), result::text);

            // the key never followed the redirect to the other host
            assertNull(elsewhere.requestsTo("/targon/v1/models").get(0).header("authorization"));
            // no key anywhere in a debug log (HttpClient's header logging is off for our connections)
            for (String p : LegacyCorpus.providerNames()) {
                assertFalse(result.text().contains(LegacyCorpus.testKey(p)), "key of " + p + " in the -X log");
            }
            String base = corpus.server().baseUrl();
            assertEquals(
                    "no complete response within 2000 ms from " + base + "/cerebras/v1/models (after 2 attempts)"
                            + " (limit: catalog.timeout)",
                    failure(result, "cerebras"));
            assertTrue(failure(result, "mancer").startsWith("an HTML page instead of JSON from " + base), result::text);
            assertTrue(failure(result, "moonshot").startsWith("empty response from " + base), result::text);
            assertTrue(failure(result, "enfer").startsWith("invalid JSON from " + base), result::text);
        }

        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(models.resolve(e.getKey())), e.getKey() + " changed");
        }
        JsonNode failed = JsonDocuments.parse(Files.readAllBytes(models.resolve("failed_models.json")), "f");
        for (String p : FAILING) {
            assertTrue(failed.get(p).get("failed").asBoolean(), p + " recorded as failed: " + failed);
            assertTrue(
                    failed.get(p).get("error").asText().contains(corpus.server().baseUrl() + "/" + p + "/v1/models"),
                    "error names the URL: " + failed.get(p));
        }
        assertNull(failed.get("groq"), "500 then 200 is a success");
        assertNull(failed.get("zai"), "429 then 200 is a success");
        assertEquals(3, corpus.server().requestsTo("/groq/v1/models").size(), "first run, then one 500 and one 200");
        assertTrue(new String(Files.readAllBytes(models.resolve("failed_models.json")), StandardCharsets.UTF_8)
                .lines()
                .noneMatch(l -> l.contains("sk-test-")));
    }

    @Test
    void notModifiedAndOfflineRebuildFromTheCache() throws Exception {
        Path models = work.resolve("models");
        corpus.server()
                .route(
                        "/openai/v1/models",
                        Response.json(LegacyCorpus.response("openai")).header("ETag", "W/\"abc\""),
                        Response.status(304, ""));
        assertEquals(0, fetch(models, "openai,litellm").run().exitCode());
        byte[] openai = Files.readAllBytes(models.resolve("models_openai.json"));
        byte[] litellm = Files.readAllBytes(models.resolve("models_litellm.toml"));

        Files.delete(models.resolve("models_openai.json"));
        ForkedMaven.Result notModified = fetch(models, "openai").run();
        assertEquals(0, notModified.exitCode(), notModified::text);
        assertTrue(notModified.logContains("cache (304)"), notModified::text);
        assertArrayEquals(openai, Files.readAllBytes(models.resolve("models_openai.json")));
        assertEquals(
                "W/\"abc\"",
                corpus.server().requestsTo("/openai/v1/models").get(1).header("if-none-match"));

        corpus.server().close();
        Files.delete(models.resolve("models_openai.json"));
        Files.delete(models.resolve("models_litellm.toml"));
        ForkedMaven.Result offline =
                fetch(models, "openai,litellm,groq").offline(true).run();
        assertEquals(0, offline.exitCode(), offline::text);
        assertArrayEquals(openai, Files.readAllBytes(models.resolve("models_openai.json")));
        assertArrayEquals(litellm, Files.readAllBytes(models.resolve("models_litellm.toml")));
        assertTrue(
                offline.log().stream().anyMatch(l -> l.contains("groq") && l.contains("nothing cached")),
                offline::text);
    }

    @Test
    void multiPageAnthropicIsMerged() throws Exception {
        Path models = work.resolve("models");
        corpus.server()
                .route(
                        "/anthropic/v1/models",
                        Response.json("{\"data\": [{\"type\": \"model\", \"id\": \"claude-b\", \"max_tokens\": 8192}], "
                                + "\"has_more\": true, \"first_id\": \"claude-b\", \"last_id\": \"claude-b\"}"),
                        Response.json("{\"data\": [{\"type\": \"model\", \"id\": \"claude-a\"}], \"has_more\": false, "
                                + "\"first_id\": \"claude-a\", \"last_id\": \"claude-a\"}"));
        ForkedMaven.Result result = fetch(models, "anthropic").run();
        assertEquals(0, result.exitCode(), result::text);
        assertEquals("claude-a\nclaude-b", Files.readString(models.resolve("models_anthropic.txt")));
        assertTrue(result.logContains("network, 2 pages"), result::text);
        assertEquals(
                "/anthropic/v1/models?limit=1000&after_id=claude-b",
                corpus.server().requestsTo("/anthropic/v1/models").get(1).path());
    }

    @Test
    void shrinkGateKeepsTheFilesUnlessAllowed() throws Exception {
        Path models = work.resolve("models");
        assertEquals(0, fetch(models, "openrouter").run().exitCode());
        byte[] before = Files.readAllBytes(models.resolve("models_openrouter.json"));
        corpus.server().route("/openrouter/v1/models", Response.json("{\"data\": [{\"id\": \"one/model\"}]}"));
        ForkedMaven.Result refused = fetch(models, "openrouter").run();
        assertEquals(0, refused.exitCode(), refused::text);
        assertTrue(
                refused.logContains("refusing to write 1 model over the 326 of models_openrouter.txt"), refused::text);
        assertArrayEquals(before, Files.readAllBytes(models.resolve("models_openrouter.json")));
        Path changes = work.resolve("changes.json");
        ForkedMaven.Result allowed = fetch(models, "openrouter")
                .property("catalog.allowShrink", true)
                .property("catalog.changesFile", changes)
                .run();
        assertEquals(0, allowed.exitCode(), allowed::text);
        assertEquals("one/model", Files.readString(models.resolve("models_openrouter.txt")));
        JsonNode report = JsonDocuments.parse(Files.readAllBytes(changes), "changes");
        assertEquals(1, report.get("openrouter").get("added").size());
        assertEquals(326, report.get("openrouter").get("removed").size());
    }

    @Test
    void settingsProxySeesTheTrafficWithAuthentication() throws Exception {
        Path models = work.resolve("models");
        try (LoopbackProviderServer proxy = new LoopbackProviderServer()) {
            proxy.requireProxyAuth("proxyuser", "proxypass");
            proxy.route("/groq/v1/models", Response.json(LegacyCorpus.response("groq")));
            Path settings = work.resolve("settings.xml");
            Files.writeString(
                    settings,
                    "<settings><proxies><proxy><id>corp</id><active>true</active>"
                            + "<protocol>http</protocol><host>127.0.0.1</host><port>" + proxy.port() + "</port>"
                            + "<username>proxyuser</username><password>proxypass</password>"
                            + "<nonProxyHosts>127.0.0.1|localhost</nonProxyHosts></proxy></proxies></settings>");
            corpus.env().put("GROQ_API_OPENAI", "http://api.groq.test/groq/v1");
            ForkedMaven.Result result =
                    fetch(models, "groq,zai").settings(settings).run();
            assertEquals(0, result.exitCode(), result::text);
            assertArrayEquals(
                    LegacyCorpus.bak("models_groq.json"), Files.readAllBytes(models.resolve("models_groq.json")));
            List<LoopbackProviderServer.Request> seen = proxy.requests();
            assertTrue(seen.stream().allMatch(LoopbackProviderServer.Request::proxied), seen.toString());
            assertTrue(
                    seen.stream()
                            .anyMatch(r -> r.target().equals("http://api.groq.test/groq/v1/models")
                                    && r.header("proxy-authorization") != null),
                    seen.toString());
            assertEquals(1, corpus.server().requestsTo("/zai/v1/models").size(), "nonProxyHosts go direct");
            assertFalse(result.text().contains("proxypass"));
        }
    }

    @Test
    void encryptedSettingsPasswordIsTheKey() throws Exception {
        Path models = work.resolve("models");
        Path security = work.resolve("settings-security.xml");
        String master = mvnEncrypt("--encrypt-master-password", "master-secret", null);
        Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>");
        String encrypted = mvnEncrypt("--encrypt-password", "sk-from-settings-1234567890", security);
        assertTrue(encrypted.startsWith("{") && !encrypted.contains("sk-from-settings"), encrypted);
        Path settings = work.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><servers><server><id>catalog-groq</id><password>" + encrypted
                        + "</password></server></servers></settings>");
        corpus.env().remove("GROQ_API_KEY");
        ForkedMaven.Result result = fetch(models, "groq")
                .settings(settings)
                .property("settings.security", security)
                .run();
        assertEquals(0, result.exitCode(), result::text);
        assertEquals(
                "Bearer sk-from-settings-1234567890",
                corpus.server().requestsTo("/groq/v1/models").get(0).header("authorization"));
        assertFalse(result.text().contains("sk-from-settings"));
        assertTrue(Files.exists(models.resolve("models_groq.json")));
    }

    /** Runs {@code mvn --encrypt-...} of the Maven under test and returns the {...} it prints. */
    private String mvnEncrypt(String option, String value, Path security) throws IOException, InterruptedException {
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        ProcessBuilder pb = security == null
                ? new ProcessBuilder(mvn, "-B", option, value)
                : new ProcessBuilder(mvn, "-B", "-Dsettings.security=" + security, option, value);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true);
        pb.directory(work.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Matcher m = Pattern.compile("\\{[A-Za-z0-9+/=]+\\}").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no encrypted value in: " + out);
        }
        return m.group();
    }

    @Test
    void aPasswordInABaseUrlVariableIsRefusedAndAppearsInNoLogAndNoRecord() throws Exception {
        // the request could not work anyway, and the password used to reach the log and failed_models.json
        Path models = work.resolve("models");
        String base = corpus.env().get("GROQ_API_OPENAI");
        corpus.env().put("GROQ_API_OPENAI", base.replace("http://", "http://bob:hunter2@"));

        ForkedMaven.Result result = fetch(models, "groq,deepseek").run();

        assertEquals(0, result.exitCode(), result::text);
        assertEquals(
                "the base URL in GROQ_API_OPENAI holds a user name or password ("
                        + base.replace("http://", "http://***@") + "/models): remove it and put the key in "
                        + "GROQ_API_KEY or a settings.xml <server> with id catalog-groq",
                result.log().stream()
                        .filter(l -> l.startsWith("[WARNING] groq ") && l.contains(" FAILED: "))
                        .map(l -> l.substring(l.indexOf(" FAILED: ") + " FAILED: ".length()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(result.text())));
        assertEquals(List.of(), corpus.server().requestsTo("/groq/v1/models"), "no request was tried");
        assertFalse(result.text().contains("hunter2"), result::text);
        assertFalse(Files.readString(models.resolve("failed_models.json")).contains("hunter2"));

        for (String selection : new String[] {"", "groq"}) {
            ForkedMaven.Result providers = new ForkedMaven(work)
                    .goals(ForkedMaven.goal("providers"))
                    .property("catalog.outputDirectory", models)
                    .property("catalog.providers", selection)
                    .env(corpus.env())
                    .run();
            assertEquals(0, providers.exitCode(), providers::text);
            assertFalse(providers.text().contains("hunter2"), providers::text);
            assertTrue(providers.text().contains(selection.isEmpty() ? " (env) " : "GROQ_API_OPENAI"), providers::text);
        }
    }
}
