package io.modelcatalog.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogPackageTest {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path work;

    private static List<ZipEntry> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> out = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                out.add(e.nextElement());
            }
            return out;
        }
    }

    private static byte[] read(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void theCorpusCatalogIsPackedBehindAManifestOfEverySizeAndDigest() throws Exception {
        Path models = CatalogFolders.corpus(work.resolve("models"));
        Files.createDirectories(models.resolve("configs/aichat"));
        Files.writeString(models.resolve("configs/aichat/config.yaml"), "not the catalog");
        Files.writeString(models.resolve("notes.txt"), "not the catalog either");
        Path zip = work.resolve("target/models-1-catalog.zip");

        CatalogPackage.Packaged p = CatalogPackage.write(models, zip, TIME);

        assertEquals(CatalogLayout.LEGACY, p.layout());
        assertEquals(113, p.manifest().files().size(), "112 provider files and failed_models.json");
        assertEquals(Files.size(zip), p.zipBytes());
        assertEquals(Sha256.of(Files.readAllBytes(zip)), p.sha256());
        List<String> names = entries(zip).stream().map(ZipEntry::getName).toList();
        assertEquals(CatalogManifest.ENTRY, names.get(0), "the manifest comes first");
        List<String> files = names.subList(1, names.size());
        List<String> sorted = new ArrayList<>(files);
        Collections.sort(sorted);
        assertEquals(sorted, files, "then the files, sorted");
        assertFalse(names.stream().anyMatch(n -> n.startsWith("configs") || n.equals("notes.txt")), names::toString);
        CatalogManifest manifest = CatalogManifest.parse(read(zip, CatalogManifest.ENTRY), zip);
        assertEquals(p.manifest(), manifest);
        for (CatalogManifest.Entry e : manifest.files()) {
            byte[] onDisk = Files.readAllBytes(models.resolve(e.path()));
            assertArrayEquals(onDisk, read(zip, e.path()), e.path());
            assertEquals(onDisk.length, e.size(), e.path());
            assertEquals(Sha256.of(onDisk), e.sha256(), e.path());
        }
        assertTrue(
                p.zipBytes() * 5 < manifest.totalSize(), "deflated: " + p.zipBytes() + " of " + manifest.totalSize());
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimesModesOrderAndTheTimeZone() throws Exception {
        Path a = CatalogFolders.corpus(work.resolve("a"));
        // the same files written in reverse order, with other times and modes
        Path b = Files.createDirectories(work.resolve("b"));
        List<Path> files;
        try (var list = Files.list(a)) {
            files = new ArrayList<>(list.sorted().toList());
        }
        Collections.reverse(files);
        for (Path f : files) {
            Path copy = b.resolve(f.getFileName().toString());
            Files.write(copy, Files.readAllBytes(f));
            Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2031-07-04T12:34:56Z")));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw----"));
        }
        Path zipA = work.resolve("a.zip");
        Path zipB = work.resolve("b.zip");
        CatalogPackage.write(a, zipA, TIME);
        TimeZone before = TimeZone.getDefault();
        try {
            // a zone whose clocks jump at this very hour: the local time must not enter the bytes
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            CatalogPackage.write(b, zipB, Instant.parse("2024-03-31T02:30:00Z"));
            CatalogPackage.write(b, work.resolve("b2.zip"), Instant.parse("2024-03-31T02:30:00Z"));
        } finally {
            TimeZone.setDefault(before);
        }
        CatalogPackage.write(a, work.resolve("a2.zip"), Instant.parse("2024-03-31T02:30:00Z"));
        assertArrayEquals(Files.readAllBytes(work.resolve("a2.zip")), Files.readAllBytes(zipB));
        assertArrayEquals(Files.readAllBytes(zipB), Files.readAllBytes(work.resolve("b2.zip")));
        assertFalse(
                Sha256.of(Files.readAllBytes(zipA)).equals(Sha256.of(Files.readAllBytes(zipB))),
                "another time gives another zip");
    }

    @Test
    void everyEntryHasTheBuildsTimeInUtcFieldsNoModeAndNoExtraField() throws Exception {
        Path models = CatalogFolders.corpus(work.resolve("models"));
        Path zip = work.resolve("c.zip");
        CatalogPackage.write(models, zip, Instant.parse("2026-05-17T08:09:11.750Z"));
        for (ZipEntry e : entries(zip)) {
            assertEquals(LocalDateTime.parse("2026-05-17T08:09:10"), e.getTimeLocal(), e.getName());
            assertEquals(null, e.getExtra(), e.getName());
            assertEquals(ZipEntry.DEFLATED, e.getMethod(), e.getName());
        }
        try (org.apache.commons.compress.archivers.zip.ZipFile z =
                org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setSeekableByteChannel(Files.newByteChannel(zip))
                        .get()) {
            z.getEntries().asIterator().forEachRemaining(e -> assertEquals(0, e.getUnixMode(), e.getName()));
        }
        assertEquals(LocalDateTime.parse("1980-01-01T00:00"), CatalogPackage.entryTime(Instant.EPOCH));
        assertEquals(LocalDateTime.parse("2107-12-31T23:59:58"), CatalogPackage.entryTime(Instant.MAX));
    }

    @Test
    void aRerunOnTheSameCatalogLeavesTheZipAlone() throws Exception {
        Path models = CatalogFolders.corpus(work.resolve("models"));
        Path zip = work.resolve("c.zip");
        assertTrue(CatalogPackage.write(models, zip, TIME).written());
        Files.setLastModifiedTime(zip, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertFalse(CatalogPackage.write(models, zip, TIME).written());
        assertEquals(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")), Files.getLastModifiedTime(zip));
        Files.writeString(models.resolve("models_groq.txt"), "one-model");
        assertTrue(CatalogPackage.write(models, zip, TIME).written(), "a changed catalog is packed again");
    }

    @Test
    void theStructuredLayoutIsPackedWithItsSubFolders() throws Exception {
        Path models = Files.createDirectories(work.resolve("models"));
        for (String ext : List.of("json", "txt", "toml")) {
            Files.createDirectories(models.resolve(ext));
            Files.writeString(models.resolve(ext + "/models_groq." + ext), "groq " + ext);
        }
        Files.writeString(models.resolve("chutes_chutes.json"), "{}");
        Files.writeString(models.resolve("failed_models.json"), "{}");
        Files.writeString(models.resolve("json/models_wrong.txt"), "a txt file in json/ is no catalog file");

        CatalogPackage.Packaged p = CatalogPackage.write(models, work.resolve("s.zip"), TIME);

        assertEquals(CatalogLayout.STRUCTURED, p.layout());
        assertEquals(
                List.of(
                        "chutes_chutes.json",
                        "failed_models.json",
                        "json/models_groq.json",
                        "toml/models_groq.toml",
                        "txt/models_groq.txt"),
                p.manifest().files().stream().map(CatalogManifest.Entry::path).toList());
    }

    @Test
    void aFolderWithBothLayoutsIsPackedAsEveryGoalReadsIt() throws Exception {
        Path models = Files.createDirectories(work.resolve("models"));
        Files.writeString(models.resolve("models_groq.json"), "[]");
        Files.createDirectories(models.resolve("json"));
        Files.writeString(models.resolve("json/models_openai.json"), "[]");
        CatalogPackage.Packaged p = CatalogPackage.write(models, work.resolve("b.zip"), TIME);
        assertEquals(
                List.of("models_groq.json"),
                p.manifest().files().stream().map(CatalogManifest.Entry::path).toList());
    }

    @Test
    void aMissingEmptyOrFileFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path zip = work.resolve("none.zip");
        CatalogPackageException missing = assertThrows(
                CatalogPackageException.class, () -> CatalogPackage.write(work.resolve("absent"), zip, TIME));
        assertEquals(CatalogPackageException.Reason.NO_FOLDER, missing.reason());
        assertTrue(missing.getMessage().contains(work.resolve("absent").toString()), missing.getMessage());

        Path empty = Files.createDirectories(work.resolve("empty"));
        Files.writeString(empty.resolve("failed_models.json"), "{}");
        CatalogPackageException noCatalog =
                assertThrows(CatalogPackageException.class, () -> CatalogPackage.write(empty, zip, TIME));
        assertEquals(CatalogPackageException.Reason.EMPTY, noCatalog.reason());
        assertEquals(
                "catalog folder " + empty + " holds no catalog: no models_<p>.json, flat or in json/",
                noCatalog.getMessage());

        Path file = Files.writeString(work.resolve("file"), "x");
        assertEquals(
                CatalogPackageException.Reason.NOT_A_FOLDER,
                assertThrows(CatalogPackageException.class, () -> CatalogPackage.write(file, zip, TIME))
                        .reason());
        assertFalse(Files.exists(zip));
    }
}
