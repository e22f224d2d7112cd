package io.modelcatalog.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.facts.CorpusEntries;
import io.modelcatalog.providers.ProviderLayer;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The providers file's family overrides and aliases, on the corpus: what they do, and each error with its position. */
class FamilyOverridesTest {

    private static final String LLAMA = "meta-llama/llama-3.3-70b-instruct";

    private static List<Listing> listings;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws IOException {
        listings = CatalogListings.read(CorpusEntries.catalogDir(), ProviderRegistry.builtIn());
    }

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("providers.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private FamilyIndex build(String yaml) throws IOException {
        return FamilyIndex.build(listings, FamilyOverrides.read(file(yaml)));
    }

    /** The message of the error the file gives, read alone or when the index is built. */
    private String error(String yaml) throws IOException {
        Path f = file(yaml);
        return assertThrows(FamilyOverrideException.class, () -> FamilyIndex.build(listings, FamilyOverrides.read(f)))
                .getMessage();
    }

    private static Member member(FamilyIndex index, String provider, String id) {
        return index.member(provider, id).orElseThrow();
    }

    @Test
    void aJoinMovesAMemberIntoTheNamedFamilyAndSaysWhere() throws IOException {
        FamilyIndex plain = FamilyIndex.build(listings);
        assertEquals(16, plain.family(LLAMA).orElseThrow().providerCount());
        assertEquals(
                "unsloth/llama-3.3-70b-instruct",
                plain.familyOf("featherless", "unsloth/Llama-3.3-70B-Instruct")
                        .orElseThrow()
                        .id());

        FamilyIndex index = build("""
                families:
                  join:
                    "featherless/unsloth/Llama-3.3-70B-Instruct": meta-llama/llama-3.3-70b-instruct
                """);
        Family llama =
                index.familyOf("featherless", "unsloth/Llama-3.3-70B-Instruct").orElseThrow();
        assertEquals(LLAMA, llama.id());
        assertEquals(17, llama.providerCount());
        assertEquals(
                "override (providers.yaml:3)",
                member(index, "featherless", "unsloth/Llama-3.3-70B-Instruct").joinedBy());
        assertTrue(index.family("unsloth/llama-3.3-70b-instruct").isEmpty(), "its own family had no other member");
        assertEquals(plain.listingCount(), index.listingCount());
    }

    @Test
    void aSplitMakesAMemberAFamilyOfItsOwnAndTheFamilyKeepsItsId() throws IOException {
        FamilyIndex index = build("""
                families:
                  split: [ "poe/Llama-3.3-70B" ]
                """);
        Family llama = index.family(LLAMA).orElseThrow();
        assertEquals(15, llama.providerCount());
        assertFalse(llama.members().stream().anyMatch(m -> m.provider().equals("poe")));
        Family alone = index.familyOf("poe", "Llama-3.3-70B").orElseThrow();
        assertEquals(1, alone.members().size());
        assertEquals(
                "split by override (providers.yaml:2)", alone.members().get(0).joinedBy());
        assertEquals("poe/llama-3.3-70b", alone.id(), "the id the rules give a listing alone");
    }

    @Test
    void aliasesNameAFamilyOrAProvidersModel() throws IOException {
        FamilyIndex index = build("""
                aliases:
                  llama70: meta-llama/llama-3.3-70b-instruct
                  oss: groq/openai/gpt-oss-120b
                """);
        assertEquals(Map.of("llama70", LLAMA, "oss", "groq/openai/gpt-oss-120b"), index.aliases());
        ModelLookup lookup = new ModelLookup(index, index.aliases());
        ModelLookup.Found llama = (ModelLookup.Found) lookup.find("llama70");
        assertEquals(LLAMA, llama.family().id());
        assertEquals("alias", llama.matched());
        assertEquals(
                "openai/gpt-oss-120b",
                ((ModelLookup.Found) lookup.find("oss")).family().id());
    }

    @Test
    void theProvidersListBesideTheOverridesIsStillRead() throws IOException {
        Path f = file("""
                providers:
                  - name: local
                    baseUrl: http://localhost:8080/v1
                families:
                  split: [ "poe/Llama-3.3-70B" ]
                aliases:
                  oss: openai/gpt-oss-120b
                """);
        assertEquals("local", ProviderLayer.file(f).providers().get(0).name());
        assertEquals(1, FamilyOverrides.read(f).splits().size());
    }

    @Test
    void anUnknownProviderNamesTheClosest() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":3:5: no provider \"groqq\" in the catalog; the closest: groq, "
                        + "poe, enfer",
                error("""
                        families:
                          join:
                            groqq/llama-3.3-70b-versatile: meta-llama/llama-3.3-70b-instruct
                        """));
    }

    @Test
    void aModelTheProviderDoesNotListNamesItsClosestIds() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":2:12: groq lists no model \"llama-3.3-70b\"; its closest: "
                        + "llama-3.3-70b-versatile, allam-2-7b, playai-tts, gemma2-9b-it, llama-3.1-8b-instant",
                error("""
                        families:
                          split: [ groq/llama-3.3-70b ]
                        """));
    }

    @Test
    void aJoinToAFamilyTheCatalogDoesNotHaveNamesTheClosest() throws IOException {
        String message = error("""
                families:
                  join: { "groq/llama-3.3-70b-versatile": meta-llama/llama-3.3-70b }
                """);
        assertTrue(
                message.startsWith(dir.resolve("providers.yaml")
                        + ":2:43: no family \"meta-llama/llama-3.3-70b\" in the catalog; the closest: "
                        + "meta-llama/llama-3.3-70b-instruct"),
                message);
    }

    @Test
    void aMemberBothJoinedAndSplitIsRefused() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":5:7: groq/llama-3.3-70b-versatile is both joined (line 3) and split;"
                        + " keep one",
                error("""
                        families:
                          join:
                            groq/llama-3.3-70b-versatile: meta-llama/llama-3.3-70b-instruct
                          split:
                            - groq/llama-3.3-70b-versatile
                        """));
    }

    @Test
    void aFamilyIdMustBeCanonical() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":3:35: family id \"Meta-Llama/Llama-3.3-70B-Instruct\" is not "
                        + "canonical: a family id is lowercase maker/name (meta-llama/llama-3.3-70b-instruct)",
                error("""
                        families:
                          join:
                            groq/llama-3.3-70b-versatile: Meta-Llama/Llama-3.3-70B-Instruct
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":3:35: family id \"llama-3.3-70b\" is not canonical: a family id is "
                        + "lowercase maker/name",
                error("""
                        families:
                          join:
                            groq/llama-3.3-70b-versatile: llama-3.3-70b
                        """));
    }

    @Test
    void aMemberMustBeProviderSlashId() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":2:12: 'families.split': \"llama-3.3-70b-versatile\" is not "
                        + "provider/id (e.g. groq/llama-3.3-70b-versatile)",
                error("""
                        families:
                          split: [ llama-3.3-70b-versatile ]
                        """));
    }

    @Test
    void wrongNodeTypesAreRefusedWithTheirPosition() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":2:3: 'families' must be a mapping with join (provider/id: family "
                        + "id) and split (a list of provider/id)",
                error("""
                        families:
                          - groq/llama-3.3-70b-versatile
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":2:9: 'families.join' must be a mapping of provider/id to a family "
                        + "id",
                error("""
                        families:
                          join: [ groq/llama-3.3-70b-versatile ]
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":2:10: 'families.split' must be a list of provider/id", error("""
                        families:
                          split: groq/llama-3.3-70b-versatile
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":2:3: unknown key \"splits\" in 'families'; it has join (provider/id:"
                        + " family id) and split (a list of provider/id)",
                error("""
                        families:
                          splits: [ groq/llama-3.3-70b-versatile ]
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":2:8: what alias \"oss\" names must be a single value, not a list",
                error("""
                        aliases:
                          oss: [ openai/gpt-oss-120b ]
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":1:10: 'aliases' must be a mapping of short name to a family id or "
                        + "provider/id",
                error("""
                        aliases: [ oss ]
                        """));
    }

    @Test
    void anAliasThatIsAFamilyIdOrDeclaredTwiceOrNamesNothingIsRefused() throws IOException {
        assertEquals(
                dir.resolve("providers.yaml") + ":2:3: alias \"openai/gpt-oss-120b\" is a family id; an alias is a "
                        + "short name of its own",
                error("""
                        aliases:
                          openai/gpt-oss-120b: groq/openai/gpt-oss-120b
                        """));
        assertEquals(
                dir.resolve("providers.yaml") + ":3:3: alias \"OSS\" is declared twice (first at line 2); keep one",
                error("""
                        aliases:
                          oss: openai/gpt-oss-120b
                          OSS: groq/openai/gpt-oss-120b
                        """));
        String nothing = error("""
                aliases:
                  oss: openai/gpt-oss-12b
                """);
        assertTrue(
                nothing.startsWith(dir.resolve("providers.yaml") + ":2:8: alias \"oss\" names \"openai/gpt-oss-12b\", "
                        + "which is no family id, provider/id or model id of the catalog; the closest: "),
                nothing);
        String atProvider = error("""
                aliases:
                  oss: groq/gpt-oss-120b
                """);
        assertTrue(atProvider.contains("the closest: groq/openai/gpt-oss-120b"), atProvider);
    }

    @Test
    void aSyntaxErrorIsTheParsersWithItsPosition() throws IOException {
        String message = error("""
                families:
                  split: [ "poe/Llama-3.3-70B"
                """);
        assertTrue(message.startsWith(dir.resolve("providers.yaml") + ":3:1: "), message);
    }

    @Test
    void aFileWithoutOverridesHasNone() throws IOException {
        assertTrue(FamilyOverrides.read(file("providers: []\n")).isEmpty());
    }
}
