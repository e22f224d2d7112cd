package io.modelcatalog.toolconfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.legacy.LegacyProfileNames;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyCorpus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodexProfileNamesTest {

    /** What {@code codex --profile} accepts (checked with codex 0.169: no '.', no leading '-'). */
    private static final Pattern CODEX_PROFILE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    @Test
    void readableNamesForPlainIds() {
        assertEquals("openai_gpt-4_1", CodexProfileNames.profileName("openai", "gpt-4.1"));
        assertEquals("openai_gpt-4o", CodexProfileNames.profileName("openai", "gpt-4o"));
        assertEquals("gemini_gemini-2_5-flash", CodexProfileNames.profileName("gemini", "gemini-2.5-flash"));
        assertEquals("openrouter_openai__gpt-4o", CodexProfileNames.profileName("openrouter", "openai/gpt-4o"));
    }

    @Test
    void hashedNamesForEverythingThatCannotBeSpelledBack() {
        String upper = CodexProfileNames.profileName("featherless", "Qwen/Qwen2.5-7B");
        assertTrue(upper.matches("featherless_qwen__qwen2_5-7b--[0-9a-f]{8}"), upper);
        String lower = CodexProfileNames.profileName("featherless", "qwen/qwen2.5-7b");
        assertEquals("featherless_qwen__qwen2_5-7b", lower);
        assertNotEquals(upper, lower, "ids that differ only in case stay apart");

        String colon = CodexProfileNames.profileName("openrouter", "mistralai/mistral-nemo:free");
        assertTrue(colon.startsWith("openrouter_mistralai__mistral-nemo-free--"), colon);
        // '.' vs '_' in the id: '_' is not readable, so the two never meet
        assertNotEquals(CodexProfileNames.profileName("p", "a.b"), CodexProfileNames.profileName("p", "a_b"));
        // '/' next to '.' would be ambiguous when spelled back: hashed
        assertNotEquals(CodexProfileNames.profileName("p", "a./b"), CodexProfileNames.profileName("p", "a/.b"));
        String longId = "x".repeat(300);
        assertTrue(CodexProfileNames.profileName("p", longId).length() < 100);
    }

    @Test
    void hashedNamesArePinned() {
        // users keep these names in scripts: a change of the rule or the hash would rename their profiles
        assertEquals(
                "openrouter_mistralai__mistral-nemo-free--a877ddf1",
                CodexProfileNames.profileName("openrouter", "mistralai/mistral-nemo:free"));
    }

    @Test
    void aNameDependsOnProviderAndModelOnly() {
        // stable from run to run and whatever else the catalog holds: the function has no other input
        assertEquals(
                CodexProfileNames.profileName("openrouter", "mistralai/mistral-nemo:free"),
                CodexProfileNames.profileName("openrouter", "mistralai/mistral-nemo:free"));
        assertNotEquals(CodexProfileNames.profileName("a", "b-c"), CodexProfileNames.profileName("a-b", "c"));
    }

    @Test
    void everyCorpusModelGetsItsOwnValidNameUnlikeTheLegacyToml() {
        ProviderRegistry registry = ProviderRegistry.builtIn();
        ModelNormalizer normalizer = new ModelNormalizer(Optional.empty());
        Map<String, String> owners = new HashMap<>();
        Set<String> legacyNames = new HashSet<>();
        int models = 0;
        for (ProviderDefinition p : LegacyCorpus.providers()) {
            if (p.kind() == ProviderKind.URL) {
                continue;
            }
            for (ModelFacts m : normalizer.normalize(p, CorpusEntries.list(p.name()))) {
                models++;
                String name = CodexProfileNames.profileName(p.name(), m.name());
                assertTrue(CODEX_PROFILE.matcher(name).matches(), name);
                assertTrue(name.length() + ".config.toml".length() < 255, name);
                String previous = owners.put(name, p.name() + " " + m.name());
                assertEquals(null, previous, name + " for " + p.name() + " " + m.name());
                legacyNames.add(LegacyProfileNames.profileName(p.name(), m.id()));
            }
        }
        assertEquals(models, owners.size());
        assertTrue(legacyNames.size() < models, "the legacy names lose models; these do not");
        assertFalse(owners.isEmpty());
    }
}
