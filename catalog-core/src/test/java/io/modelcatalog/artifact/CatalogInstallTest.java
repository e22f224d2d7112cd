package io.modelcatalog.artifact;

import static io.modelcatalog.artifact.CatalogFolders.Entry.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.artifact.CatalogArtifactException.Reason;
import io.modelcatalog.artifact.CatalogFolders.Entry;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.CorpusServer;
import io.modelcatalog.testing.LoopbackProviderServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing a catalog zip: the corpus byte for byte, everything else in the folder left alone, a rerun that changes
 * nothing; and each refused zip (tampered, outside the folder, unlisted, truncated, a link, twice, too large, not
 * pinned) refused with the entry named and the folder byte-identical.
 */
class CatalogInstallTest {

    private static final CatalogOrigin.Artifact ARTIFACT = new CatalogOrigin.Artifact(
            "com.example:team-models:zip:catalog:1.1.0", "1.1.0", "com.example:team-models:[1.0,2.0)", "team");

    @TempDir
    Path work;

    @RegisterExtension
    final CorpusServer corpus = new CorpusServer();

    /** The corpus and its zip, packed once for every test (which must not change them). */
    @TempDir
    static Path packed;

    private static Path producer;
    private static Path zip;

    private Path models;

    @BeforeAll
    static void packTheCorpus() throws IOException {
        producer = CatalogFolders.corpus(packed.resolve("producer"));
        zip = packed.resolve("team-models-1.1.0-catalog.zip");
        CatalogPackage.write(producer, zip, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @BeforeEach
    void consumerFolder() {
        models = work.resolve("consumer/models");
    }

    private CatalogInstall.Result install(Path zipFile) throws IOException {
        return CatalogInstall.install(new CatalogInstall.Request(
                zipFile, models, ARTIFACT, null, CatalogInstall.DEFAULT_MAX_BYTES, work.resolve("locks")));
    }

    /** A catalog of the consumer's own: an older groq, a provider the zip lacks, and things that are no catalog. */
    private void consumerCatalog() throws IOException {
        Files.createDirectories(models.resolve("configs/codex"));
        Files.writeString(models.resolve("models_groq.json"), "[\"old\"]");
        Files.writeString(models.resolve("models_groq.txt"), "old");
        Files.writeString(models.resolve("models_gone.json"), "[]");
        Files.writeString(models.resolve("configs/codex/config.toml"), "# generated\n");
        Files.writeString(models.resolve("README.md"), "our notes");
        Files.writeString(models.resolve("failed_models.json.broken"), "a damaged history set aside");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCorpusArrivesByteForByteAndNothingElseIsTouched() throws Exception {
        consumerCatalog();
        CatalogInstall.Result r = install(zip);

        for (String name : CatalogFiles.packaged(producer)) {
            assertArrayEquals(
                    Files.readAllBytes(producer.resolve(name)), Files.readAllBytes(models.resolve(name)), name);
        }
        assertFalse(Files.exists(models.resolve("models_gone.json")), "a provider the artifact lacks is gone");
        assertEquals("# generated\n", Files.readString(models.resolve("configs/codex/config.toml")));
        assertEquals("our notes", Files.readString(models.resolve("README.md")));
        assertEquals("a damaged history set aside", Files.readString(models.resolve("failed_models.json.broken")));
        assertEquals(CatalogLayout.LEGACY, r.layout());
        assertEquals(List.of("models_gone.json"), r.removed());
        assertEquals(List.of("models_groq.json", "models_groq.txt"), r.replaced());
        assertEquals(113 + 1 - 2, r.added().size(), "the corpus, the record, less the two replaced");
        assertTrue(r.recovered().isEmpty());
        try (var list = Files.list(models)) {
            assertFalse(list.anyMatch(p -> p.getFileName().toString().startsWith(".catalog-swap")));
        }
        assertTrue(Files.exists(work.resolve("locks").resolve(CatalogInstall.lockName(models))), "locked there");

        CatalogOrigin origin = CatalogOrigin.read(models).orElseThrow();
        assertEquals(r.origin(), origin);
        assertEquals(
                new CatalogOrigin(
                        "com.example:team-models:zip:catalog:1.1.0",
                        "1.1.0",
                        "com.example:team-models:[1.0,2.0)",
                        "team",
                        Sha256.of(Files.readAllBytes(zip)),
                        113,
                        CatalogFiles.packaged(producer).stream()
                                .mapToLong(p -> producer.resolve(p).toFile().length())
                                .sum()),
                origin);
    }

    @Test
    void aRerunOfTheSameArtifactWritesNothing() throws Exception {
        install(zip);
        Path groq = models.resolve("models_groq.json");
        FileTime time = FileTime.from(Instant.parse("2020-02-02T00:00:00Z"));
        Files.setLastModifiedTime(groq, time);
        Files.setPosixFilePermissions(groq, PosixFilePermissions.fromString("rw-rw-r--"));
        Map<String, String> before = CatalogFolders.snapshot(models);

        CatalogInstall.Result again = install(zip);

        assertFalse(again.changed());
        assertEquals(114, again.unchanged().size());
        assertEquals(before, CatalogFolders.snapshot(models));
        assertEquals(time, Files.getLastModifiedTime(groq), "not even moved");

        // one file edited by hand: only it is put back, with the mode it had
        Files.writeString(groq, "edited");
        CatalogInstall.Result repaired = install(zip);
        assertEquals(List.of("models_groq.json"), repaired.replaced());
        assertArrayEquals(Files.readAllBytes(producer.resolve("models_groq.json")), Files.readAllBytes(groq));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(groq)));
    }

    @Test
    void aStructuredCatalogGivesWayToTheArtifactsLegacyOne() throws Exception {
        for (String ext : List.of("json", "txt", "toml")) {
            Files.createDirectories(models.resolve(ext));
            Files.writeString(models.resolve(ext + "/models_groq." + ext), "structured " + ext);
        }
        Files.writeString(models.resolve("txt/notes.md"), "ours");
        CatalogInstall.Result r = install(zip);
        assertEquals(List.of("json/models_groq.json", "toml/models_groq.toml", "txt/models_groq.txt"), r.removed());
        assertFalse(Files.exists(models.resolve("json")), "emptied, so removed");
        assertEquals("ours", Files.readString(models.resolve("txt/notes.md")), "a folder with our file stays");
        assertTrue(Files.isRegularFile(models.resolve("models_groq.json")));
    }

    /** Installs a refused zip over the consumer's catalog: the reason and entry, and the folder as it was. */
    private CatalogArtifactException refused(byte[] zipBytes, Reason reason, String entry) throws IOException {
        consumerCatalog();
        Path bad = Files.write(work.resolve("bad.zip"), zipBytes);
        Map<String, String> before = CatalogFolders.snapshot(models);
        CatalogArtifactException e = assertThrows(CatalogArtifactException.class, () -> install(bad));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(entry, e.entry().orElse(null), e.getMessage());
        if (entry != null) {
            assertTrue(e.getMessage().contains(entry), e.getMessage());
        }
        assertEquals(before, CatalogFolders.snapshot(models), "the catalog folder changed");
        return e;
    }

    /** The corpus entries of the zip, each as it is. */
    private List<Entry> corpusEntries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String name : CatalogFiles.packaged(producer)) {
            out.add(file(name, Files.readAllBytes(producer.resolve(name))));
        }
        return out;
    }

    private static List<Entry> with(Entry first, List<Entry> rest) {
        List<Entry> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @Test
    void aTamperedEntryIsRefused() throws Exception {
        List<Entry> files = corpusEntries();
        Entry manifest = CatalogFolders.manifestOf(files);
        // same size, one byte other
        int i = files.indexOf(files.stream()
                .filter(f -> f.name().equals("models_openai.json"))
                .findFirst()
                .orElseThrow());
        byte[] altered = files.get(i).bytes().clone();
        altered[altered.length / 2] ^= 1;
        files.set(i, file("models_openai.json", altered));
        CatalogArtifactException e =
                refused(CatalogFolders.zip(with(manifest, files)), Reason.DIGEST, "models_openai.json");
        assertTrue(e.getMessage().endsWith("the file was altered after the catalog was packaged"), e.getMessage());

        files.set(i, file("models_openai.json", Arrays.copyOf(altered, altered.length + 1)));
        refused(CatalogFolders.zip(with(manifest, files)), Reason.SIZE, "models_openai.json");
    }

    @Test
    void aRefusedZipLeavesNoFolderWhereThereWasNone() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        Entry manifest = CatalogFolders.manifestOf(files);
        files.add(file("models_unlisted.json", "[]"));
        Path bad = Files.write(work.resolve("unlisted.zip"), CatalogFolders.zip(with(manifest, files)));
        Path consumer = models.getParent();
        assertFalse(Files.exists(consumer), "the test starts from a folder that does not exist");

        CatalogArtifactException e = assertThrows(CatalogArtifactException.class, () -> install(bad));
        assertEquals(Reason.UNLISTED, e.reason(), e.getMessage());
        assertFalse(Files.exists(consumer), "a refused install created " + consumer);

        // a folder that was there stays, empty as it was
        Files.createDirectories(models);
        assertThrows(CatalogArtifactException.class, () -> install(bad));
        assertTrue(Files.isDirectory(models));
        try (var left = Files.list(models)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void anEntryOutsideTheFolderIsRefused() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        Entry manifest = CatalogFolders.manifestOf(files);
        files.add(file("../models_evil.json", "[]"));
        CatalogArtifactException e =
                refused(CatalogFolders.zip(with(manifest, files)), Reason.OUTSIDE_FOLDER, "../models_evil.json");
        assertTrue(e.getMessage().contains("leads out of the catalog folder (a '..' segment)"), e.getMessage());
        assertFalse(Files.exists(models.resolveSibling("models_evil.json")));

        List<Entry> absolute = List.of(file("/tmp/models_evil.json", "[]"));
        refused(
                CatalogFolders.zip(with(CatalogFolders.manifestOf(List.of()), absolute)),
                Reason.OUTSIDE_FOLDER,
                "/tmp/models_evil.json");
        // listed by the manifest too
        List<Entry> listed = List.of(file("json/../../models_evil.json", "[]"));
        refused(
                CatalogFolders.zip(List.of(CatalogFolders.manifestOf(listed))),
                Reason.OUTSIDE_FOLDER,
                "json/../../models_evil.json");
    }

    @Test
    void anUnlistedEntryIsRefused() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        Entry manifest = CatalogFolders.manifestOf(files);
        files.add(file("models_extra.json", "[]"));
        refused(CatalogFolders.zip(with(manifest, files)), Reason.UNLISTED, "models_extra.json");
    }

    @Test
    void aListedFileTheZipLacksIsRefused() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        Entry manifest = CatalogFolders.manifestOf(files);
        files.removeIf(f -> f.name().equals("models_groq.toml"));
        refused(CatalogFolders.zip(with(manifest, files)), Reason.MISSING, "models_groq.toml");
    }

    @Test
    void aTruncatedZipIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(zip);
        CatalogArtifactException e = refused(Arrays.copyOf(whole, whole.length - 40), Reason.NOT_A_ZIP, null);
        assertTrue(e.getMessage().contains("is not a readable zip"), e.getMessage());
        refused(Arrays.copyOf(whole, whole.length / 2), Reason.NOT_A_ZIP, null);
        refused(new byte[0], Reason.NOT_A_ZIP, null);
    }

    @Test
    void aLinkEntryIsRefused() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        files.add(new Entry("models_link.json", bytes("/etc/passwd"), 0120777));
        refused(CatalogFolders.zip(with(CatalogFolders.manifestOf(files), files)), Reason.LINK, "models_link.json");
    }

    @Test
    void anEntryGivenTwiceIsRefused() throws Exception {
        List<Entry> files = new ArrayList<>(corpusEntries());
        Entry manifest = CatalogFolders.manifestOf(files);
        files.add(file("models_groq.json", "[\"the other one\"]"));
        refused(CatalogFolders.zip(with(manifest, files)), Reason.DUPLICATE, "models_groq.json");
    }

    @Test
    void aZipWithoutOrWithABadManifestIsRefused() throws Exception {
        List<Entry> files = corpusEntries();
        refused(CatalogFolders.zip(files), Reason.NO_MANIFEST, null);
        refused(
                CatalogFolders.zip(with(file(CatalogManifest.ENTRY, "{\"format\": 2, \"files\": []}"), files)),
                Reason.BAD_MANIFEST,
                null);
        refused(CatalogFolders.zip(with(file(CatalogManifest.ENTRY, "not json"), files)), Reason.BAD_MANIFEST, null);
        List<Entry> foreign = List.of(file("pom.xml", "<project/>"));
        CatalogArtifactException e = refused(
                CatalogFolders.zip(with(CatalogFolders.manifestOf(foreign), foreign)), Reason.BAD_MANIFEST, "pom.xml");
        assertTrue(e.getMessage().contains("'pom.xml', which is no catalog file"), e.getMessage());
        List<Entry> mixed = List.of(file("models_a.json", "[]"), file("json/models_b.json", "[]"));
        refused(CatalogFolders.zip(with(CatalogFolders.manifestOf(mixed), mixed)), Reason.BAD_MANIFEST, null);
    }

    @Test
    void aCatalogOverTheCapIsRefused() throws Exception {
        consumerCatalog();
        Map<String, String> before = CatalogFolders.snapshot(models);
        CatalogArtifactException e = assertThrows(
                CatalogArtifactException.class,
                () -> CatalogInstall.install(new CatalogInstall.Request(zip, models, ARTIFACT, null, 1_000_000, null)));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("more than the cap of 1000000"), e.getMessage());
        assertEquals(before, CatalogFolders.snapshot(models));
    }

    @Test
    void aPinnedDigestMustMatch() throws Exception {
        consumerCatalog();
        Map<String, String> before = CatalogFolders.snapshot(models);
        String sha256 = Sha256.of(Files.readAllBytes(zip));
        String other = "0".repeat(64);
        CatalogArtifactException e = assertThrows(
                CatalogArtifactException.class,
                () -> CatalogInstall.install(new CatalogInstall.Request(
                        zip, models, ARTIFACT, other, CatalogInstall.DEFAULT_MAX_BYTES, null)));
        assertEquals(Reason.ZIP_DIGEST, e.reason());
        assertEquals(
                zip + " has SHA-256 " + sha256 + ", not the pinned " + other
                        + ": another zip under the same version, or the pin is out of date",
                e.getMessage());
        assertEquals(before, CatalogFolders.snapshot(models));
        CatalogInstall.install(new CatalogInstall.Request(
                zip, models, ARTIFACT, sha256.toUpperCase(), CatalogInstall.DEFAULT_MAX_BYTES, null));
        assertEquals(sha256, CatalogOrigin.read(models).orElseThrow().sha256());
    }

    @Test
    void aFileThatCannotBeReplacedPutsEverythingBack() throws Exception {
        consumerCatalog();
        // a folder where the new models_groq.toml goes: the move fails after others were done
        Files.createDirectories(models.resolve("models_groq.toml"));
        Map<String, String> before = CatalogFolders.snapshot(models);
        CatalogArtifactException e = assertThrows(CatalogArtifactException.class, () -> install(zip));
        assertEquals(Reason.REPLACE_FAILED, e.reason());
        assertEquals("models_groq.toml", e.entry().orElseThrow());
        assertTrue(e.getMessage().endsWith("the catalog in " + models + " was put back as it was"), e.getMessage());
        assertEquals(before, CatalogFolders.snapshot(models));
    }

    @Test
    void aSwapAKilledRunLeftHalfDoneIsUndoneFirst() throws Exception {
        Files.createDirectories(models);
        Files.writeString(models.resolve("models_groq.json"), "placed by the killed run");
        Files.writeString(models.resolve("models_keep.json"), "[]");
        Path swap = Files.createDirectories(models.resolve(".catalog-swap-123"));
        Files.createDirectories(swap.resolve("new"));
        Files.createDirectories(swap.resolve("old"));
        Files.writeString(swap.resolve("old/models_groq.json"), "the previous groq");
        Files.writeString(swap.resolve("old/models_gone.json"), "moved away, not yet back");
        Files.writeString(
                swap.resolve("journal.json"),
                "{\"remove\": [\"models_gone.json\", \"models_groq.json\"], \"place\": [\"models_groq.json\"]}");
        Path stale = Files.createDirectories(models.resolve(".catalog-swap-456/new"));
        Files.writeString(stale.resolve("models_x.json"), "staged, never moved");

        List<Path> recovered = CatalogSwap.recover(models);

        assertEquals(List.of(swap, stale.getParent()), recovered);
        assertEquals("the previous groq", Files.readString(models.resolve("models_groq.json")));
        assertEquals("moved away, not yet back", Files.readString(models.resolve("models_gone.json")));
        assertEquals(
                Map.of(
                        "", "<folder>",
                        "models_groq.json", "the previous groq",
                        "models_gone.json", "moved away, not yet back",
                        "models_keep.json", "[]"),
                CatalogFolders.snapshot(models));
    }

    @Test
    void aFetchFromTheProvidersThatChangesTheCatalogRemovesTheRecord() throws Exception {
        install(zip);
        FetchOptions.Builder fetch = FetchOptions.builder(models)
                .providers(ProviderRegistry.builtIn().select(List.of("groq")))
                .env(EnvironmentLookup.of(corpus.env()));
        assertTrue(CatalogOrigin.read(models).isPresent());
        corpus.server().route("/groq/v1/models", Response.json("{\"data\": [{\"id\": \"only-one\"}]}"));
        new CatalogFetch(fetch.allowShrink(true).build()).run(FetchListener.none());
        assertEquals("only-one", Files.readString(models.resolve("models_groq.txt")));
        assertFalse(Files.exists(models.resolve(CatalogOrigin.FILE)));
    }
}
