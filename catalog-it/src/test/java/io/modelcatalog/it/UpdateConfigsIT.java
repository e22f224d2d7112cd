package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update-configs goal without a POM, in forked builds whose environment points HOME, XDG_CONFIG_HOME,
 * AICHAT_CONFIG_DIR and CODEX_HOME into a temporary home holding copies of the real tool configs (aichat's line 4
 * repaired) and a commented OpenCode {@code opencode.jsonc} (found as such because no {@code opencode.json} is
 * there); the corpus catalog is the catalog. The real home is never read or written.
 */
class UpdateConfigsIT {

    @TempDir
    Path home;

    private Path work;
    private Path aichat;
    private Path mods;
    private Path codexConfig;
    private Path opencode;
    private Map<String, String> env;

    @BeforeEach
    void realConfigsInATemporaryHome() throws IOException {
        work = Files.createDirectories(home.resolve("work"));
        CorpusCatalog.copyTo(work.resolve("models"));
        aichat = home.resolve("aichat/config.yaml");
        Files.createDirectories(aichat.getParent());
        Files.writeString(
                aichat,
                resource("aichat/config.yaml").replace("clients:now I want to commit all fuck\n", "clients:\n"));
        mods = write(home.resolve("xdg/mods/mods.yml"), resource("mods/mods.yml"));
        codexConfig = write(home.resolve("codex/config.toml"), resource("codex/config.toml"));
        opencode = write(
                home.resolve("xdg/opencode/opencode.jsonc"), sample("io/modelcatalog/configupdate/opencode.jsonc"));
        Files.setPosixFilePermissions(mods, PosixFilePermissions.fromString("rw-r-----"));
        env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("AICHAT_CONFIG_DIR", home.resolve("aichat").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("CODEX_HOME", home.resolve("codex").toString());
    }

    private static Path write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
        return target;
    }

    private static String resource(String path) throws IOException {
        return sample("tool-configs/" + path);
    }

    private static String sample(String path) throws IOException {
        try (InputStream in = UpdateConfigsIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ForkedMaven update(String providers) {
        return new ForkedMaven(work)
                .goals(ForkedMaven.goal("update-configs"))
                .property("catalog.providers", providers)
                .env(env);
    }

    private List<Path> backups() throws IOException {
        // $XDG_CACHE_HOME/model-catalog: the one folder of the plugin's own files
        Path dir = home.resolve("cache/model-catalog/backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void updatesTheConfigsInTheHomeWithoutAPomAndASecondRunChangesNothing() throws Exception {
        ForkedMaven.Result first = update("groq,mistral").run();
        assertEquals(0, first.exitCode(), first::text);
        assertTrue(first.logContains("aichat: " + aichat + " ($AICHAT_CONFIG_DIR)"), first::text);
        assertTrue(first.logContains("opencode: " + opencode + " ($XDG_CONFIG_HOME)"), first::text);
        assertTrue(first.logContains("4 file(s) written, 0 unchanged"), first::text);
        assertTrue(
                Files.readString(opencode)
                        .startsWith(sample("io/modelcatalog/configupdate/opencode.jsonc")
                                .substring(0, 200)),
                "the user's comments stay");
        assertTrue(Files.readString(opencode).contains("    \"mistral\": {\n"));
        assertTrue(
                first.logContains(codexConfig + ": 731 legacy [profiles.*] table(s), with which codex --profile <name>"
                        + " fails; left alone (each with -X). Move them all to profile files at once"),
                first::text);
        assertTrue(
                first.logContains(":update-configs -Dcatalog.tools=codex -Dcatalog.codex.migrateProfiles"),
                first::text);
        assertTrue(
                first.logContains("line 180: `wire_api = \"chat\"` is no longer supported. To fix it, set wire_api"),
                first::text);
        assertTrue(Files.readString(codexConfig).contains("[model_providers.mistral]"));
        assertTrue(Files.readString(mods)
                .contains("        aliases: ['llama3.3', 'llama3.3-70b', 'llama3.3-versatile']\n"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(mods)));
        assertEquals(1, backups().size());

        byte[] aichatBytes = Files.readAllBytes(aichat);
        ForkedMaven.Result second = update("groq,mistral").run();
        assertEquals(0, second.exitCode(), second::text);
        assertTrue(second.logContains("0 file(s) written, 4 unchanged"), second::text);
        assertArrayEquals(aichatBytes, Files.readAllBytes(aichat));
        assertEquals(1, backups().size());
        assertTrue(
                second.logContains("Nothing to change since the last run: the catalog files, the settings and the 4"
                        + " config file(s) are as it left them"),
                second::text);
        assertTrue(
                second.logContains(codexConfig + ": 731 legacy [profiles.*] table(s)"), "told again: " + second.text());

        // the user edits their aichat config between runs: merged again, their bytes kept
        Files.writeString(aichat, Files.readString(aichat) + "# mine\n");
        ForkedMaven.Result third = update("groq,mistral").run();
        assertEquals(0, third.exitCode(), third::text);
        assertFalse(third.logContains("Nothing to change since the last run"), third::text);
        assertTrue(third.logContains("0 file(s) written, 4 unchanged"), third::text);
        assertTrue(Files.readString(aichat).endsWith("# mine\n"));
    }

    @Test
    void theBrokenAichatFileFailsNamingLine4AndNothingIsWritten() throws Exception {
        String broken = resource("aichat/config.yaml");
        Files.writeString(aichat, broken);
        byte[] modsBytes = Files.readAllBytes(mods);
        ForkedMaven.Result r = update("groq").run();
        assertEquals(1, r.exitCode(), r::text);
        assertTrue(r.logContains(aichat + ", line 4, column 1: is not valid YAML"), r::text);
        assertTrue(r.logContains("(nothing was written)"), r::text);
        assertEquals(broken, Files.readString(aichat));
        assertArrayEquals(modsBytes, Files.readAllBytes(mods));
        assertEquals(List.of(), backups());
    }

    @Test
    void aDryRunPrintsTheDiffAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(codexConfig);
        ForkedMaven.Result r = update("groq").property("catalog.dryRun", true).run();
        assertEquals(0, r.exitCode(), r::text);
        assertTrue(r.logContains("+wire_api = \"responses\""), r::text);
        assertTrue(r.logContains("Dry run: 4 file(s) would change; nothing was written"), r::text);
        assertArrayEquals(before, Files.readAllBytes(codexConfig));
        assertEquals(List.of(), backups());
    }

    @Test
    void anUnknownStrategyIsAnError() throws Exception {
        ForkedMaven.Result r =
                update("groq").property("catalog.strategy", "overwrite").run();
        assertEquals(1, r.exitCode(), r::text);
        assertTrue(
                r.logContains("catalog.strategy: unknown strategy 'overwrite'; use one of merge, prune, replace"),
                r::text);
    }

    /** Two forked builds update the same files at once: each waits for the other's lock; both updates land. */
    @Test
    void twoForkedBuildsAtOnceBothLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ForkedMaven.Result> results = new ArrayList<>();
        try {
            List<Future<ForkedMaven.Result>> runs = new ArrayList<>();
            for (String provider : List.of("groq", "deepseek")) {
                Callable<ForkedMaven.Result> run = () -> update(provider).run();
                runs.add(pool.submit(run));
            }
            for (Future<ForkedMaven.Result> f : runs) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (ForkedMaven.Result r : results) {
            assertEquals(0, r.exitCode(), r::text);
        }
        String codex = Files.readString(codexConfig);
        assertTrue(codex.contains("[model_providers.deepseek]"), "deepseek's table");
        assertTrue(codex.contains("name = \"groq\"\nwire_api = \"responses\"\n"), "groq's update");
        String aichatText = Files.readString(aichat);
        assertTrue(aichatText.contains("name: \"deepseek-reasoner\""));
        assertTrue(aichatText.contains("name: \"openai/gpt-oss-120b\""));
        assertEquals(2, backups().size());
    }
}
