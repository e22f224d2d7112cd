package io.modelcatalog.artifact;

import io.modelcatalog.artifact.CatalogArtifactException.Reason;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.files.FileLocks;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.files.WritableFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Puts a catalog zip (made by {@link CatalogPackage}) in place of the catalog in a folder: the fetch that asks no
 * provider and needs no key. The zip is checked whole before anything in the folder changes ({@link CatalogZip}),
 * then the folder's catalog files are replaced all or nothing ({@link CatalogSwap}) and the run record
 * {@link CatalogOrigin#FILE} says where the catalog came from.
 *
 * <p>"The catalog" is its files only: provider files of either layout, {@code failed_models.json},
 * {@code chutes_chutes.json} and the run record. After an install they are exactly the zip's (a provider the zip
 * lacks is gone, a folder switches layout if the zip's differs); anything else in the folder, such as
 * {@code configs/}, a response cache or a user's own files, is left as it was.
 */
public final class CatalogInstall {

    /** The most bytes a catalog's files may have together, unless the caller sets another cap: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** How long to wait for another build installing into the same folder. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

    private CatalogInstall() {}

    /**
     * What to install.
     *
     * @param zip        the catalog zip
     * @param folder     the catalog folder (created when missing, and removed again when the zip is refused)
     * @param artifact   what the caller knows of where the zip came from, for the run record
     * @param zipSha256  the SHA-256 the zip must have (hex, any case), or null to take it as it is
     * @param maxBytes   the most bytes the zip's files may have together
     * @param lockFolder where the lock that keeps two installs into one folder apart lives; null for no lock
     */
    public record Request(
            Path zip, Path folder, CatalogOrigin.Artifact artifact, String zipSha256, long maxBytes, Path lockFolder) {
        public Request {
            Objects.requireNonNull(zip, "zip");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(artifact, "artifact");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
        }
    }

    /**
     * What an install did.
     *
     * @param origin    the run record written
     * @param layout    the catalog's layout, as its files say
     * @param added     files the folder did not have
     * @param replaced  files that now hold other bytes
     * @param removed   catalog files the zip does not have, now gone
     * @param unchanged files that already held the zip's bytes, left alone
     * @param recovered swap folders of killed runs that were undone and removed first
     * @param millis    how long it took
     */
    public record Result(
            CatalogOrigin origin,
            CatalogLayout layout,
            List<String> added,
            List<String> replaced,
            List<String> removed,
            List<String> unchanged,
            List<Path> recovered,
            long millis) {

        /** Whether any file of the folder changed. */
        public boolean changed() {
            return !added.isEmpty() || !replaced.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Checks the zip and puts its catalog in place of the folder's.
     *
     * @throws CatalogArtifactException naming the entry at fault when the zip is refused, or the file that could not
     *     be replaced; the folder's catalog is then byte for byte what it was
     * @throws IOException when the folder cannot be written (before anything in it changed)
     */
    public static Result install(Request request) throws IOException {
        long start = System.nanoTime();
        Path zip = request.zip();
        // one open file for the digest and the entries: the zip checked is the zip unpacked
        try (SeekableByteChannel channel = Files.newByteChannel(zip, StandardOpenOption.READ)) {
            return install(request, channel, start);
        }
    }

    private static Result install(Request request, SeekableByteChannel channel, long start) throws IOException {
        Path zip = request.zip();
        String sha256 = sha256(channel);
        if (request.zipSha256() != null
                && !sha256.equals(request.zipSha256().trim().toLowerCase(Locale.ROOT))) {
            throw new CatalogArtifactException(
                    Reason.ZIP_DIGEST,
                    zip,
                    null,
                    zip + " has SHA-256 " + sha256 + ", not the pinned "
                            + request.zipSha256().trim()
                            + ": another zip under the same version, or the pin is out of date");
        }
        Path folder = request.folder().toAbsolutePath().normalize();
        // a refused zip leaves no trace: not even the folder, when this install created it
        WritableFolders.Created created = WritableFolders.prepareTracked(folder);
        FileLocks.Locked<Result> work = () -> {
            List<Path> recovered = CatalogSwap.recover(folder);
            try (CatalogSwap swap = CatalogSwap.begin(folder)) {
                CatalogManifest manifest = CatalogZip.extract(channel, zip, swap.staging(), request.maxBytes());
                CatalogOrigin.Artifact a = request.artifact();
                CatalogOrigin origin = new CatalogOrigin(
                        a.artifact(),
                        a.version(),
                        a.requested(),
                        a.repository(),
                        sha256,
                        manifest.files().size(),
                        manifest.totalSize());
                byte[] record = origin.toBytes();
                Files.write(swap.staging().resolve(CatalogOrigin.FILE), record);
                Map<String, String> staged = new LinkedHashMap<>();
                manifest.files().forEach(f -> staged.put(f.path(), f.sha256()));
                staged.put(CatalogOrigin.FILE, Sha256.of(record));
                CatalogSwap.Outcome o = swap.replace(staged);
                return new Result(
                        origin,
                        CatalogFiles.layoutOf(staged.keySet()).orElseThrow(),
                        o.added(),
                        o.replaced(),
                        o.removed(),
                        o.unchanged(),
                        recovered,
                        (System.nanoTime() - start) / 1_000_000);
            }
        };
        try {
            return request.lockFolder() == null
                    ? work.run()
                    : FileLocks.withLock(request.lockFolder().resolve(lockName(folder)), LOCK_TIMEOUT, work);
        } catch (IOException | RuntimeException e) {
            created.removeIfEmpty();
            throw e;
        }
    }

    private static String sha256(SeekableByteChannel channel) throws IOException {
        MessageDigest d = Sha256.start();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        channel.position(0);
        while (channel.read(buffer) > 0) {
            buffer.flip();
            d.update(buffer);
            buffer.clear();
        }
        return Sha256.hex(d);
    }

    /** One lock per catalog folder: {@code catalog-<SHA-256 of its absolute path>.lock}. */
    static String lockName(Path folder) {
        return "catalog-" + Sha256.of(folder.toString().getBytes(StandardCharsets.UTF_8)) + ".lock";
    }
}
