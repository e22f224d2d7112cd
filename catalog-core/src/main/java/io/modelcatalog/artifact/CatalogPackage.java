package io.modelcatalog.artifact;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.Sha256;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a catalog folder into one zip that any build can resolve and check: the catalog's files (see
 * {@link CatalogFiles#packaged(Path)}) behind a {@link CatalogManifest} of their sizes and SHA-256.
 *
 * <p>The zip is reproducible: the same files give the same bytes, whatever their order on disk, their times, their
 * modes, the time zone or the machine. The manifest comes first, then the files sorted by path; every entry has the
 * one time handed in (in the zip's local-time field, written as UTC, so the time zone does not enter), no mode, no
 * extra field, no comment; every entry is deflated at one fixed level. Only the JDK's zlib could change the bytes:
 * the manifest, not the zip's digest, says what a catalog holds.
 */
public final class CatalogPackage {

    /** The entries' time when the build gives none: 1980-01-01T00:00:00Z, the earliest a zip entry can hold. */
    public static final Instant DEFAULT_TIME = Instant.parse("1980-01-01T00:00:00Z");

    /** The latest time a zip entry can hold (its year field ends at 2107). */
    private static final Instant LAST_TIME = Instant.parse("2107-12-31T23:59:58Z");

    /** One level for every build: the catalog's JSON shrinks about tenfold. */
    private static final int LEVEL = Deflater.BEST_COMPRESSION;

    private CatalogPackage() {}

    /**
     * What was packaged.
     *
     * @param zip      the zip file
     * @param layout   the catalog's layout
     * @param manifest the files
     * @param zipBytes the zip's size
     * @param sha256   the zip's SHA-256, lowercase hex
     * @param written  whether the zip was written (false: it already held these bytes and was left alone)
     */
    public record Packaged(
            Path zip, CatalogLayout layout, CatalogManifest manifest, long zipBytes, String sha256, boolean written) {}

    /**
     * Packs the catalog of {@code folder} into {@code zip} (written atomically, and only when its bytes change).
     *
     * @param time the time every entry gets ({@link #DEFAULT_TIME} when the build sets none); kept within the years a
     *     zip can hold, to the even second
     * @throws CatalogPackageException when the folder is missing, a regular file, or holds no provider file, or a file
     *     changed while it was packed; nothing is written then
     */
    public static Packaged write(Path folder, Path zip, Instant time) throws IOException {
        if (Files.isRegularFile(folder)) {
            throw new CatalogPackageException(
                    CatalogPackageException.Reason.NOT_A_FOLDER,
                    folder,
                    "catalog folder " + folder + " is a regular file, not a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new CatalogPackageException(
                    CatalogPackageException.Reason.NO_FOLDER, folder, "catalog folder " + folder + " does not exist");
        }
        List<String> paths = CatalogFiles.packaged(folder);
        CatalogLayout layout = CatalogFiles.layoutOf(paths)
                .orElseThrow(() -> new CatalogPackageException(
                        CatalogPackageException.Reason.EMPTY,
                        folder,
                        "catalog folder " + folder + " holds no catalog: no models_<p>.json, flat or in json/"));
        List<CatalogManifest.Entry> entries = new ArrayList<>();
        for (String path : paths) {
            entries.add(measure(folder, path));
        }
        CatalogManifest manifest = new CatalogManifest(entries);
        byte[] manifestBytes = manifest.toBytes();
        LocalDateTime entryTime = entryTime(time);
        AtomicFiles.Written w =
                AtomicFiles.writeIfChanged(zip, out -> writeZip(out, folder, manifest, manifestBytes, entryTime));
        return new Packaged(zip, layout, manifest, w.size(), w.sha256(), w.changed());
    }

    /** The time as a zip entry holds it: UTC fields, within 1980-2107, to the even second. */
    static LocalDateTime entryTime(Instant time) {
        Instant t = time.isBefore(DEFAULT_TIME) ? DEFAULT_TIME : time.isAfter(LAST_TIME) ? LAST_TIME : time;
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC).withNano(0);
        return utc.withSecond(utc.getSecond() & ~1);
    }

    private static CatalogManifest.Entry measure(Path folder, String path) throws IOException {
        MessageDigest d = Sha256.start();
        long size = copy(folder.resolve(path), OutputStream.nullOutputStream(), d);
        return new CatalogManifest.Entry(path, size, Sha256.hex(d));
    }

    private static void writeZip(
            OutputStream out, Path folder, CatalogManifest manifest, byte[] manifestBytes, LocalDateTime time)
            throws IOException {
        // the stream is the caller's to close
        try (ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        })) {
            zip.setLevel(LEVEL);
            zip.putNextEntry(entry(CatalogManifest.ENTRY, time));
            zip.write(manifestBytes);
            zip.closeEntry();
            for (CatalogManifest.Entry e : manifest.files()) {
                zip.putNextEntry(entry(e.path(), time));
                MessageDigest d = Sha256.start();
                long size = copy(folder.resolve(e.path()), zip, d);
                zip.closeEntry();
                if (size != e.size() || !Sha256.hex(d).equals(e.sha256())) {
                    throw new CatalogPackageException(
                            CatalogPackageException.Reason.CHANGED,
                            folder,
                            folder.resolve(e.path()) + " changed while it was packaged (another build writing the"
                                    + " catalog?); package again once it is done");
                }
            }
        }
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry e = new ZipEntry(name);
        // the local-time field set from UTC fields: no time zone, no extended-time extra field
        e.setTimeLocal(time);
        e.setMethod(ZipEntry.DEFLATED);
        return e;
    }

    private static long copy(Path file, OutputStream out, MessageDigest digest) throws IOException {
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return size;
    }
}
