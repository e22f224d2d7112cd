package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-compat} configured by the harness, against the corpus' legacy folder and edited copies. */
@MojoTest
class VerifyCompatMojoTest {

    @TempDir
    Path tmp;

    private Path bak;
    private Path models;
    private final MojoLogRecorder log = new MojoLogRecorder();

    @BeforeEach
    void folders() throws Exception {
        bak = CorpusFolders.bak(tmp.resolve("bak"));
        models = CorpusFolders.regular(tmp.resolve("models"));
    }

    private VerifyCompatMojo configure(VerifyCompatMojo mojo, Path output, Path reference) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", output.toFile());
        setVariableValueToObject(mojo, "referenceDirectory", reference.toFile());
        mojo.setLog(log);
        return mojo;
    }

    private void changeFloat() throws Exception {
        Path json = models.resolve("models_deepinfra.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        Files.writeString(
                json, text.replaceFirst("\"input_tokens\": 0.13,", "\"input_tokens\": 0.14,"), StandardCharsets.UTF_8);
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void corpusOutputAgainstBakPassesAndReportsTheStrays(VerifyCompatMojo mojo) throws Exception {
        configure(mojo, models, bak).execute();

        assertEquals(List.of(), log.at("ERROR"), log::text);
        List<String> warnings = log.at("WARNING");
        for (String stray : CorpusFolders.STRAYS) {
            assertTrue(warnings.contains(stray + ": only in the reference folder"), log::text);
        }
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.startsWith("reference folder: models_morphllm.txt without "
                                + "models_morphllm.json and models_morphllm.toml")),
                log::text);
        assertTrue(
                log.at("INFO")
                        .contains("108 files compared: 108 identical, 0 same data with different bytes, "
                                + "0 different data, 0 unreadable; 8 strays (0 only in output, 4 only in reference, 4 incomplete sets); "
                                + "consistency checks: 144 passed, 0 failed"),
                log::text);
        assertTrue(log.at("DEBUG").contains("models_openai.json: identical"), log::text);
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void oneChangedFloatFailsTheBuildNamingFileAndPath(VerifyCompatMojo mojo) throws Exception {
        changeFloat();

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> configure(mojo, models, bak).execute());

        String difference = "models_deepinfra.json: different data at $.data[0].metadata.pricing.input_tokens: "
                + "reference 0.13, output 0.14";
        assertEquals(List.of(difference), log.at("ERROR"), log::text);
        assertTrue(
                e.getMessage()
                        .startsWith("1 difference between " + models + " and the legacy folder " + bak + ": "
                                + difference + ". Set catalog.compat.failOnDifference=false"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void failOnDifferenceFalseReportsWithoutFailing(VerifyCompatMojo mojo) throws Exception {
        changeFloat();
        setVariableValueToObject(mojo, "failOnDifference", false);

        configure(mojo, models, bak).execute();

        assertEquals(List.of(), log.at("ERROR"));
        assertTrue(
                log.at("WARNING").stream()
                        .anyMatch(w -> w.startsWith("models_deepinfra.json: different data at "
                                + "$.data[0].metadata.pricing.input_tokens")),
                log::text);
        assertTrue(
                log.at("WARNING").stream()
                        .anyMatch(w -> w.endsWith("(catalog.compat.failOnDifference=false: " + "not failing)")),
                log::text);
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void ignoreBaseUrlAcceptsALocalServersUrl(VerifyCompatMojo mojo) throws Exception {
        Path toml = models.resolve("models_zai.toml");
        Files.writeString(
                toml, Files.readString(toml).replace("https://api.z.ai/api/paas/v4", "http://127.0.0.1:9/zai/v1"));
        configure(mojo, models, bak);

        MojoFailureException strict = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(
                strict.getMessage().contains("models_zai.toml: different data at model_providers.zai.base_url"),
                strict.getMessage());
        assertTrue(
                strict.getMessage()
                        .contains("or catalog.compat.ignoreBaseUrl=true when the catalog was fetched "
                                + "from a local server"),
                strict.getMessage());

        setVariableValueToObject(mojo, "ignoreBaseUrl", true);
        mojo.execute();
        assertTrue(log.at("INFO").stream().anyMatch(l -> l.endsWith("(TOML base_url lines ignored)")), log::text);
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void reformattedFileIsNamedWithItsFirstPlace(VerifyCompatMojo mojo) throws Exception {
        Path json = models.resolve("models_zai.json");
        Files.writeString(json, Files.readString(json) + "\n");

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> configure(mojo, models, bak).execute());

        assertTrue(
                e.getMessage().contains("models_zai.json: same data, different bytes: first at line "), e.getMessage());
        assertTrue(
                e.getMessage().contains("(trailing whitespace or newline: the output has 1 more byte)"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void manyDifferencesAreCountedAndTheFirstQuoted(VerifyCompatMojo mojo) throws Exception {
        for (String p : List.of("zai", "deepseek", "groq", "openai", "mistral")) {
            Files.writeString(models.resolve("models_" + p + ".txt"), "changed");
        }

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> configure(mojo, models, bak).execute());

        // each changed txt differs from the reference, from its own json and from its own toml
        assertTrue(e.getMessage().startsWith("15 differences between "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(": models_deepseek.txt: different data at line 1: reference `deepseek-chat`, "
                                + "output `changed`; output folder: models_deepseek.txt does not match"),
                e.getMessage());
        assertTrue(e.getMessage().contains("; and 12 more (see the errors above)"), e.getMessage());
        assertEquals(15, log.at("ERROR").size(), log::text);
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void aMissingReferenceSettingIsExplained(VerifyCompatMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", models.toFile());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No reference folder: set catalog.referenceDirectory"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void missingFoldersAreNamedWithARemedy(VerifyCompatMojo mojo) throws Exception {
        configure(mojo, tmp.resolve("nothing"), bak);
        MojoExecutionException noOutput = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "The catalog folder " + tmp.resolve("nothing") + " does not exist: run catalog:fetch first, or "
                        + "point catalog.outputDirectory at the folder to check",
                noOutput.getMessage());

        configure(mojo, models, tmp.resolve("old"));
        MojoExecutionException noReference = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                noReference.getMessage().startsWith("The reference folder " + tmp.resolve("old") + " does not exist"),
                noReference.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void aRegularFileWhereAFolderBelongsIsSaidSo(VerifyCompatMojo mojo) throws Exception {
        // it once said "does not exist" of a file that does
        Path file = Files.writeString(tmp.resolve("models-file"), "x");
        configure(mojo, file, bak);
        MojoExecutionException output = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "The catalog folder " + file + " is a regular file, not a folder: point catalog.outputDirectory at "
                        + "the folder the fetch goal writes",
                output.getMessage());

        configure(mojo, models, file);
        MojoExecutionException reference = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "The reference folder " + file + " is a regular file, not a folder: point catalog.referenceDirectory "
                        + "at a legacy dump_models.py folder",
                reference.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void skipFlagSkipsTheGoal(VerifyCompatMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "verifyCompatSkip", true);
        mojo.setLog(log);
        mojo.execute();
        assertEquals(List.of("Skipping verify-compat: catalog.verify-compat.skip is true"), log.at("INFO"));
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void anEmptyOutputFolderFailsInsteadOfPassing(VerifyCompatMojo mojo) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        setVariableValueToObject(mojo, "failOnDifference", false);

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> configure(mojo, empty, bak).execute());

        assertEquals(
                "Nothing was compared, so nothing is proven: the output folder " + empty + " holds no "
                        + "models_<p>.json, .txt or .toml file (the reference folder holds 112): a fetch with no API "
                        + "key set leaves it empty, or it is not the catalog folder; set the providers' API keys and "
                        + "run the fetch goal, or point catalog.outputDirectory at the catalog folder",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify-compat")
    void anEmptyReferenceFolderFails(VerifyCompatMojo mojo) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> configure(mojo, models, empty).execute());

        assertTrue(
                e.getMessage().endsWith("point catalog.referenceDirectory at the folder dump_models.py wrote"),
                e.getMessage());
    }
}
