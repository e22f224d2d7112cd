package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.Replacement;
import io.modelcatalog.testing.LegacyScripts;
import io.modelcatalog.testing.UnwritableFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-legacy} on the legacy script and edited copies: the log, the file (byte for byte, read back as a
 * providers file), a second run, an existing file, and a bad script failing with its line and nothing written.
 */
@MojoTest
class ImportLegacyMojoTest {

    @TempDir
    Path tmp;

    private final MojoLogRecorder log = new MojoLogRecorder();

    private Path target() {
        return tmp.resolve("out/catalog-providers.yaml");
    }

    private ImportLegacyMojo configure(ImportLegacyMojo mojo, String script) throws Exception {
        setVariableValueToObject(
                mojo,
                "legacyScript",
                LegacyScripts.write(tmp.resolve("legacy"), script).toFile());
        setVariableValueToObject(mojo, "providersFile", target().toFile());
        mojo.setLog(log);
        return mojo;
    }

    private static String edited() {
        return LegacyScripts.edited(LegacyScripts.CORP_URL, LegacyScripts.GROQ_URL);
    }

    private List<String> outFolder() throws Exception {
        if (!Files.isDirectory(target().getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target().getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void theSharedScriptUnchangedNeedsNoFile(ImportLegacyMojo mojo) throws Exception {
        configure(mojo, LegacyScripts.shared()).execute();

        List<String> info = log.at("INFO");
        assertEquals("PROVIDER      LINE  CHANGE     DETAIL", info.get(1));
        assertEquals(
                40,
                info.stream()
                        .filter(l -> l.matches("[a-z0-9]+ +\\d+  unchanged"))
                        .count(),
                log::text);
        assertTrue(
                info.contains("dump_models.py line 9: ATLASCLOUD_API_KEY is atlascloud's key variable but holds a "
                        + "URL, as in the legacy tool's atlascloud entry; read as atlascloud's default base URL "
                        + "(variable ATLASCLOUD_API_OPENAI)"),
                log::text);
        assertTrue(
                info.contains(
                        "40 providers in the script: 0 added, 0 changed, 40 unchanged; 0 of the 40 built-in ones not in it"),
                log::text);
        assertEquals(
                "No provider added or changed: the built-in providers are those of the script, no providers file is "
                        + "needed, and none was written",
                info.get(info.size() - 1));
        assertEquals(List.of(), log.at("WARNING"));
        assertFalse(Files.exists(target()));
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void anEditedScriptGivesItsDifferenceReadBackAsAProvidersFile(ImportLegacyMojo mojo) throws Exception {
        configure(mojo, edited()).execute();

        assertEquals(LegacyScripts.EDITED_FILE, Files.readString(target()));
        List<String> info = log.at("INFO");
        assertTrue(
                info.stream()
                        .anyMatch(
                                l -> l.matches(
                                        "groq +\\d+  changed    baseUrl https://api.groq.com/openai/v1 -> https://groq.corp.example/v1")),
                log::text);
        assertTrue(
                info.stream().anyMatch(l -> l.matches("mancer +\\d+  changed    kind openai -> anthropic")), log::text);
        assertTrue(
                info.stream()
                        .anyMatch(
                                l -> l.matches(
                                        "corpllm +\\d+  added      openai, key CORPLLM_API_KEY, CORPLLM_API_OPENAI = https://llm.corp.example/v1")),
                log::text);
        assertEquals(
                36,
                info.stream()
                        .filter(l -> l.matches("[a-z0-9]+ +\\d+  unchanged"))
                        .count(),
                log::text);
        // the removed providers, with the selection that leaves them out
        List<String> selection = new ArrayList<>(ProviderRegistry.builtIn().names());
        selection.removeAll(LegacyScripts.REMOVED);
        selection.add("corpllm");
        String value = String.join(",", selection);
        assertEquals(
                List.of(
                        "Not in the script: poe, targon. A providers file adds and replaces providers but cannot "
                                + "remove one; to leave them out, select the others:",
                        "  -Dcatalog.providers=" + value,
                        "  or in the POM: <providerNames>" + value + "</providerNames>"),
                log.at("WARNING"));
        // the written file layers over the built-in providers as every goal's registry does: groq (URL) and mancer
        // (kind) are replaced
        ProviderRegistry layered =
                ProviderRegistry.layered(List.of(ProviderLayer.builtInProviders(), ProviderLayer.file(target())));
        assertEquals(
                List.of("groq", "mancer"),
                layered.replacements().stream().map(Replacement::provider).toList());
        assertTrue(info.contains("Wrote " + target() + " (3 providers)"), log::text);
        assertEquals(
                "Fetch with it: -Dcatalog.providersFile=" + target() + " (POM <providersFile>)",
                info.get(info.size() - 1));
        assertEquals(List.of("catalog-providers.yaml"), outFolder());
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void aSecondRunWritesTheSameBytes(ImportLegacyMojo mojo) throws Exception {
        configure(mojo, edited()).execute();
        byte[] first = Files.readAllBytes(target());

        mojo.execute();
        assertEquals(
                new String(first, StandardCharsets.UTF_8),
                new String(Files.readAllBytes(target()), StandardCharsets.UTF_8));
        assertTrue(log.at("INFO").contains(target() + " is up to date (3 providers); nothing written"), log::text);
        assertEquals(List.of("catalog-providers.yaml"), outFolder());
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void anExistingFileIsReplacedOnlyWithOverwriteAndThenKeptBesideIt(ImportLegacyMojo mojo) throws Exception {
        String users = "providers:\n  - name: mine\n    baseUrl: https://mine.example/v1\n";
        Files.createDirectories(target().getParent());
        Files.writeString(target(), users);
        configure(mojo, edited());

        MojoExecutionException refused = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                target() + " exists with other content and is not replaced: set -Dcatalog.overwrite=true to replace "
                        + "it (it is kept beside it as catalog-providers.yaml.bak), or write elsewhere with "
                        + "-Dcatalog.providersFile=<path>",
                refused.getMessage());
        assertEquals(users, Files.readString(target()));
        assertEquals(List.of("catalog-providers.yaml"), outFolder());

        setVariableValueToObject(mojo, "overwrite", true);
        mojo.execute();
        assertEquals(LegacyScripts.EDITED_FILE, Files.readString(target()));
        Path bak = target().resolveSibling("catalog-providers.yaml.bak");
        assertEquals(users, Files.readString(bak));
        assertTrue(
                log.at("INFO").contains("Wrote " + target() + " (3 providers); the previous file is kept as " + bak),
                log::text);
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void aBadScriptFailsWithItsLineAndNothingIsWritten(ImportLegacyMojo mojo) throws Exception {
        String bad = LegacyScripts.replaceLine(
                edited(),
                "corpllm, oai, CORPLLM_API_KEY, CORPLLM_API_OPENAI",
                "corpllm, openai, CORPLLM_API_KEY, CORPLLM_API_OPENAI");
        configure(mojo, bad);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        Path script = tmp.resolve("legacy/dump_models.py");
        assertEquals(
                script + ":" + LegacyScripts.lineNumber(bad, "corpllm, openai, CORPLLM_API_KEY, CORPLLM_API_OPENAI")
                        + ": unknown kind 'openai' for provider 'corpllm'; use oai (OpenAI-compatible), ant "
                        + "(Anthropic) or url (a JSON document fetched as is)",
                e.getMessage());
        assertEquals(List.of(), outFolder());
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void aMissingScriptNamesTheProperty(ImportLegacyMojo mojo) throws Exception {
        configure(mojo, "");
        Path missing = tmp.resolve("elsewhere/dump_models.py");
        setVariableValueToObject(mojo, "legacyScript", missing.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                missing + ": no such file; give the path of your dump_models.py with -Dcatalog.legacyScript=<path> "
                        + "(POM <legacyScript>)",
                e.getMessage());
        assertEquals(List.of(), outFolder());
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void aFolderThisUserCannotWriteSaysPermissionDeniedAndTheRemedy(ImportLegacyMojo mojo) throws Exception {
        // it once named the hidden temporary file and no condition
        Path locked = UnwritableFolders.create(tmp);
        Path file = locked.resolve("catalog-providers.yaml");
        configure(mojo, edited());
        setVariableValueToObject(mojo, "providersFile", file.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(
                "Cannot write the providers file " + file + ": " + locked + ": permission denied (cannot create files "
                        + "in it); give this user write permission there (chmod u+w), or choose another folder (or "
                        + "write elsewhere with -Dcatalog.providersFile=<path>)",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "import-legacy")
    void skipFlagSkipsTheGoal(ImportLegacyMojo mojo) throws Exception {
        configure(mojo, edited());
        setVariableValueToObject(mojo, "importLegacySkip", true);
        mojo.execute();
        assertEquals(List.of("Skipping import-legacy: catalog.import-legacy.skip is true"), log.at("INFO"));
        assertFalse(Files.exists(target()));
    }
}
