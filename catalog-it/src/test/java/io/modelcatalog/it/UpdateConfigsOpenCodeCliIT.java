package io.modelcatalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.backups.BackupStore;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.JsonDocument;
import io.modelcatalog.configupdate.ConfigUpdater;
import io.modelcatalog.configupdate.OpenCodeMerger;
import io.modelcatalog.configupdate.UpdateConfigsRequest;
import io.modelcatalog.configupdate.UpdateConfigsResult;
import io.modelcatalog.it.toolconfigs.ConnectionTrap;
import io.modelcatalog.it.toolconfigs.CorpusCatalog;
import io.modelcatalog.it.toolconfigs.OpenCodeBinary;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenCode CLI ({@code .ci/install-tools}) loads a user's {@code opencode.jsonc} (comments, trailing
 * commas, a provider of its own, {@code mcp}, {@code agent}) after update-configs merged three corpus providers
 * into it, and {@code opencode models} lists, with the models fetch off and every proxy at a loopback trap that
 * must stay untouched, exactly the merged models of each, and the user's own provider as before. The updated file
 * keeps every byte of the original: it is the original with one block inserted. Without the binary it is skipped,
 * saying why, on a developer's machine, and fails in CI.
 */
class UpdateConfigsOpenCodeCliIT {

    /** anthropic (its own npm package), and two OpenAI-compatible providers. */
    static final List<String> PROVIDERS = List.of("anthropic", "groq", "mistral");

    @TempDir
    Path work;

    @Test
    void theUpdatedUserConfigLoadsAndListsTheMergedModels() throws Exception {
        OpenCodeBinary opencode = OpenCodeBinary.require(Path.of(System.getProperty("user.dir")));

        String original = resource("io/modelcatalog/configupdate/opencode.jsonc");
        Path config = Files.createDirectories(work.resolve("opencode")).resolve("opencode.jsonc");
        Files.writeString(config, original);

        UpdateConfigsResult result = new ConfigUpdater()
                .update(UpdateConfigsRequest.builder(
                                CatalogQuery.builder(CorpusCatalog.copyTo(work.resolve("catalog")))
                                        .providers(PROVIDERS)
                                        .registry(ProviderRegistry.builtIn())
                                        .env(EnvironmentLookup.of(Map.of()))
                                        .build(),
                                new BackupStore(work.resolve("backups"), Clock.systemUTC()),
                                work.resolve("locks"))
                        .mergers(List.of(new OpenCodeMerger(config)))
                        .build());
        assertEquals(1, result.changed().size());
        assertEquals(
                original,
                Files.readString(result.backup()
                        .folder()
                        .resolve(result.backup().entries().get(0).storedName())),
                "the backup holds the original");

        String updated = Files.readString(config);
        String anchor = "  \"provider\": {\n";
        int at = original.indexOf(anchor) + anchor.length();
        int inserted = updated.length() - original.length();
        assertEquals(original, updated.substring(0, at) + updated.substring(at + inserted), "one block inserted");

        Map<String, TreeSet<String>> expected = new TreeMap<>();
        JsonNode providers = JsonDocument.parse(ConfigText.decode(config, Files.readAllBytes(config)))
                .root()
                .data()
                .get("provider");
        for (String p : PROVIDERS) {
            TreeSet<String> ids = new TreeSet<>();
            providers.get(p).get("models").fieldNames().forEachRemaining(ids::add);
            assertTrue(ids.size() > 0, p);
            expected.put(p, ids);
        }
        expected.put("ollama", new TreeSet<>(List.of("llama3.2:3b")));

        try (ConnectionTrap trap = new ConnectionTrap()) {
            OpenCodeBinary.Result r =
                    opencode.run(work.resolve("home"), work.resolve("cwd"), config, trap.port(), false, "models");
            assertEquals(List.of(), trap.seen(), "no request left the machine");
            assertEquals(0, r.exitCode(), r::text);
            Map<String, TreeSet<String>> listed = new TreeMap<>();
            for (String line : r.stdout().split("\n")) {
                int slash = line.indexOf('/');
                if (slash > 0 && expected.containsKey(line.substring(0, slash))) {
                    listed.computeIfAbsent(line.substring(0, slash), k -> new TreeSet<>())
                            .add(line.substring(slash + 1));
                }
            }
            List<String> wrong = new ArrayList<>();
            expected.forEach((p, ids) -> {
                if (!ids.equals(listed.get(p))) {
                    wrong.add(p + ": listed " + listed.get(p) + ", merged " + ids);
                }
            });
            assertEquals(List.of(), wrong);
            System.out.println("UpdateConfigsOpenCodeCliIT: "
                    + expected.values().stream().mapToInt(TreeSet::size).sum() + " models of " + expected.size()
                    + " providers listed in " + r.millis() + " ms");
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = UpdateConfigsOpenCodeCliIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
