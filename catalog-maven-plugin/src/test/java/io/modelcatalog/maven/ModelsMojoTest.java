package io.modelcatalog.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code models} on the corpus catalog: the summary, one family across providers, misses, filters, the index file. */
@MojoTest
class ModelsMojoTest {

    @TempDir
    Path tmp;

    private Path models;
    private final MojoLogRecorder log = new MojoLogRecorder();

    @BeforeEach
    void corpus() throws Exception {
        models = CorpusFolders.bak(tmp.resolve("models"));
    }

    private ModelsMojo configure(ModelsMojo mojo, String model) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", models.toFile());
        setVariableValueToObject(mojo, "model", model);
        mojo.setLog(log);
        return mojo;
    }

    @Test
    @InjectMojo(goal = "models")
    void summaryAndTheTwentyFamiliesWithMostProviders(ModelsMojo mojo) throws Exception {
        configure(mojo, null).execute();
        List<String> info = log.at("INFO");
        assertTrue(
                info.get(0).matches("\\d+ models in \\d+ families; \\d+ families served by 2 or more providers"),
                info.get(0));
        assertEquals("The 20 families with the most providers:", info.get(1));
        assertTrue(info.get(2).matches("family +providers +listings"), info.get(2));
        assertTrue(info.subList(3, 23).stream().anyMatch(l -> l.matches("openai/gpt-oss-120b +17 +19")), log::text);
        assertTrue(info.subList(3, 23).stream().anyMatch(l -> l.startsWith("meta-llama/llama-3.3-70b-instruct ")));
    }

    @Test
    @InjectMojo(goal = "models")
    void anyProvidersIdShowsTheWholeFamilyCheapestFirst(ModelsMojo mojo) throws Exception {
        configure(mojo, "llama-3.3-70b-versatile").execute();
        List<String> info = log.at("INFO");
        assertTrue(
                info.get(0).startsWith("meta-llama/llama-3.3-70b-instruct (Llama-3.3-70B-Instruct): 16 providers"),
                info.get(0));
        assertTrue(info.get(1).startsWith("provider  "), info.get(1));
        List<String> rows = info.subList(2, info.size() - 1);
        assertEquals(21, rows.size(), log::text);
        // free routes first (price 0), then by price; providers that give no price last, their facts as "–"
        assertTrue(rows.get(0).contains(" 0 "), rows.get(0));
        String poe = rows.stream().filter(r -> r.startsWith("poe ")).findFirst().orElseThrow();
        assertTrue(poe.contains("\u2013"), poe);
        assertTrue(rows.indexOf(poe)
                > rows.indexOf(rows.stream()
                        .filter(r -> r.startsWith("groq "))
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    @InjectMojo(goal = "models")
    void filtersByCapabilityAndContext(ModelsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "capabilities", "tool_call");
        setVariableValueToObject(mojo, "minContext", 131072L);
        configure(mojo, "openai/gpt-oss-120b").execute();
        List<String> info = log.at("INFO");
        assertTrue(info.get(0).contains("pass the filters"), info.get(0));
        for (String row : info.subList(2, info.size() - 1)) {
            assertTrue(row.matches(".*\\byes\\b.*"), row);
        }
    }

    @Test
    @InjectMojo(goal = "models")
    void aNameThatMatchesNothingFailsWithTheClosestNames(ModelsMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> configure(mojo, "gpt-oss-121b").execute());
        assertTrue(
                e.getMessage().startsWith("catalog.model: no family, model id or alias 'gpt-oss-121b'; the closest: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("gpt-oss-120b"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "models")
    void providerSlashIdIsCheckedAgainstThatProvider(ModelsMojo mojo) throws Exception {
        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> configure(mojo, "groq/llama-3.3-70b").execute());
        assertTrue(
                e.getMessage()
                        .startsWith("catalog.model: groq lists no model 'llama-3.3-70b'; its closest: "
                                + "llama-3.3-70b-versatile"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "models")
    void anUnknownCapabilityIsAnError(ModelsMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "capabilities", "tools");
        MojoExecutionException e = assertThrows(
                MojoExecutionException.class, () -> configure(mojo, "x").execute());
        assertEquals(
                "catalog.capabilities: unknown capability 'tools'; use reasoning, tool_call, vision", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "models")
    void theIndexFileHasTheDocumentedShapeAndIsDeterministic(ModelsMojo mojo) throws Exception {
        Path file = tmp.resolve("out/index.json");
        Files.createDirectories(file.getParent());
        setVariableValueToObject(mojo, "modelsFile", file.toFile());
        configure(mojo, null).execute();
        byte[] first = Files.readAllBytes(file);
        JsonNode root = new ObjectMapper().readTree(first);
        JsonNode oss = null;
        for (JsonNode f : root.get("families")) {
            if (f.get("family").asText().equals("openai/gpt-oss-120b")) {
                oss = f;
            }
        }
        assertEquals("gpt-oss-120b", oss.get("name").asText());
        JsonNode free = null;
        for (JsonNode m : oss.get("members")) {
            if (m.get("id").asText().equals("openai/gpt-oss-120b:free")) {
                free = m;
            }
        }
        assertEquals("openrouter", free.get("provider").asText());
        assertEquals("[\"free\"]", free.get("variant").toString());
        assertEquals("hugging_face_id openai/gpt-oss-120b", free.get("joinedBy").asText());
        configure(mojo, null).execute();
        assertArrayEquals(first, Files.readAllBytes(file));
    }

    @Test
    @InjectMojo(goal = "models")
    void theProvidersFilesAliasesAndJoinsAreUsed(ModelsMojo mojo) throws Exception {
        Path providers = tmp.resolve("providers.yaml");
        Files.writeString(providers, """
                families:
                  join:
                    "featherless/unsloth/Llama-3.3-70B-Instruct": meta-llama/llama-3.3-70b-instruct
                aliases:
                  llama70: meta-llama/llama-3.3-70b-instruct
                """);
        setVariableValueToObject(mojo, "providersFile", providers.toFile());
        Path file = tmp.resolve("index.json");
        setVariableValueToObject(mojo, "modelsFile", file.toFile());
        configure(mojo, "llama70").execute();
        assertTrue(
                log.text().contains("featherless") && log.text().contains("unsloth/Llama-3.3-70B-Instruct"), log::text);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String joinedBy = null;
        for (JsonNode f : root.get("families")) {
            for (JsonNode m : f.get("members")) {
                if (m.get("id").asText().equals("unsloth/Llama-3.3-70B-Instruct")) {
                    assertEquals(
                            "meta-llama/llama-3.3-70b-instruct", f.get("family").asText());
                    joinedBy = m.get("joinedBy").asText();
                }
            }
        }
        assertEquals("override (providers.yaml:3)", joinedBy);
    }

    @Test
    @InjectMojo(goal = "models")
    void anInvalidOverrideFailsWithItsPositionAndWritesNothing(ModelsMojo mojo) throws Exception {
        Path providers = tmp.resolve("providers.yaml");
        Files.writeString(providers, """
                families:
                  split: [ "groq/llama-3.3-70b" ]
                """);
        setVariableValueToObject(mojo, "providersFile", providers.toFile());
        Path file = tmp.resolve("index.json");
        setVariableValueToObject(mojo, "modelsFile", file.toFile());
        MojoExecutionException e = assertThrows(
                MojoExecutionException.class, () -> configure(mojo, null).execute());
        assertEquals(
                providers + ":2:12: groq lists no model \"llama-3.3-70b\"; its closest: llama-3.3-70b-versatile, "
                        + "allam-2-7b, playai-tts, gemma2-9b-it, llama-3.1-8b-instant",
                e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
