package io.modelcatalog.artifact;

import io.modelcatalog.artifact.CatalogArtifactException.Reason;
import io.modelcatalog.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a catalog zip into an empty folder, checking everything before it is trusted: every entry stays inside
 * the folder (no absolute name, no {@code ..}), is a plain file (no link, no device), appears once, and is listed by
 * the manifest, which lists only catalog files; every listed file is there with the listed size and SHA-256; the
 * listed sizes together stay under a cap, and no entry inflates past its listed size (a zip bomb stops there).
 */
final class CatalogZip {

    /** File type bits of a Unix mode, as a zip made on Unix stores it. */
    private static final int TYPE_MASK = 0170000;

    private static final int REGULAR_FILE = 0100000;

    private CatalogZip() {}

    /**
     * Unpacks and checks a zip into {@code folder} (empty, made by the caller).
     *
     * @param channel the zip's bytes, closed on return
     * @param zip     the zip's path, for messages
     * @param maxBytes the most bytes the listed files may have together
     * @return the manifest, whose files are now in {@code folder}
     * @throws CatalogArtifactException on the first problem, naming the entry; {@code folder} may then hold some
     *     files, which the caller removes
     */
    static CatalogManifest extract(SeekableByteChannel channel, Path zip, Path folder, long maxBytes)
            throws IOException {
        ZipFile file;
        try {
            file = ZipFile.builder().setSeekableByteChannel(channel).get();
        } catch (IOException e) {
            throw new CatalogArtifactException(
                    Reason.NOT_A_ZIP,
                    zip,
                    null,
                    zip + " is not a readable zip (" + e.getMessage() + "): truncated, or cut off in a download?",
                    e);
        }
        try (file) {
            Map<String, ZipArchiveEntry> entries = entries(file, zip);
            ZipArchiveEntry manifestEntry = entries.remove(CatalogManifest.ENTRY);
            if (manifestEntry == null) {
                throw new CatalogArtifactException(
                        Reason.NO_MANIFEST,
                        zip,
                        null,
                        zip + " has no " + CatalogManifest.ENTRY + ", so nothing vouches for its files: is it a"
                                + " catalog packaged by this plugin?");
            }
            CatalogManifest manifest = CatalogManifest.parse(read(file, manifestEntry, zip), zip);
            if (manifest.totalSize() > maxBytes) {
                throw new CatalogArtifactException(
                        Reason.TOO_LARGE,
                        zip,
                        null,
                        zip + " lists " + manifest.totalSize() + " bytes of files, more than the cap of " + maxBytes);
            }
            Set<String> unlisted = new TreeSet<>(entries.keySet());
            manifest.files().forEach(f -> unlisted.remove(f.path()));
            if (!unlisted.isEmpty()) {
                String first = unlisted.iterator().next();
                throw new CatalogArtifactException(
                        Reason.UNLISTED,
                        zip,
                        first,
                        zip + ": entry " + CatalogManifest.quoted(first) + " is not listed in its manifest"
                                + (unlisted.size() > 1 ? " (nor are " + (unlisted.size() - 1) + " more)" : "")
                                + ": a file added after the catalog was packaged");
            }
            for (CatalogManifest.Entry f : manifest.files()) {
                ZipArchiveEntry e = entries.get(f.path());
                if (e == null) {
                    throw new CatalogArtifactException(
                            Reason.MISSING,
                            zip,
                            f.path(),
                            zip + ": its manifest lists " + f.path() + ", which the zip does not hold");
                }
                unpack(file, e, f, folder, zip);
            }
            return manifest;
        }
    }

    /** Every entry by name, refusing names that lead out, links and other non-files, and names given twice. */
    private static Map<String, ZipArchiveEntry> entries(ZipFile file, Path zip) throws CatalogArtifactException {
        Map<String, ZipArchiveEntry> out = new TreeMap<>();
        for (Enumeration<ZipArchiveEntry> en = file.getEntries(); en.hasMoreElements(); ) {
            ZipArchiveEntry e = en.nextElement();
            String name = e.getName();
            // a folder entry ends in one slash; it is then refused as unlisted
            String escape = CatalogFiles.escapes(
                    e.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            if (escape != null) {
                throw new CatalogArtifactException(
                        Reason.OUTSIDE_FOLDER,
                        zip,
                        name,
                        zip + ": entry " + CatalogManifest.quoted(name) + " leads out of the catalog folder (" + escape
                                + ")");
            }
            int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & TYPE_MASK : 0;
            if (e.isUnixSymlink() || !e.isDirectory() && type != 0 && type != REGULAR_FILE) {
                throw new CatalogArtifactException(
                        Reason.LINK,
                        zip,
                        name,
                        zip + ": entry " + CatalogManifest.quoted(name) + " is "
                                + (e.isUnixSymlink()
                                        ? "a symbolic link"
                                        : "not a plain file (Unix mode " + Integer.toOctalString(e.getUnixMode()) + ")")
                                + "; a catalog holds plain files only");
            }
            if (out.put(name, e) != null) {
                throw new CatalogArtifactException(
                        Reason.DUPLICATE,
                        zip,
                        name,
                        zip + ": entry " + CatalogManifest.quoted(name) + " appears twice; which one counts would be up"
                                + " to the reader");
            }
            if (!file.canReadEntryData(e)) {
                throw new CatalogArtifactException(
                        Reason.NOT_A_ZIP,
                        zip,
                        name,
                        zip + ": entry " + CatalogManifest.quoted(name) + " is encrypted or compressed in a way this"
                                + " reader does not know; a catalog zip is deflated only");
            }
        }
        return out;
    }

    private static byte[] read(ZipFile file, ZipArchiveEntry e, Path zip) throws CatalogArtifactException {
        try (InputStream in = file.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) CatalogManifest.MOST_BYTES + 1);
            if (bytes.length > CatalogManifest.MOST_BYTES) {
                throw new CatalogArtifactException(
                        Reason.TOO_LARGE,
                        zip,
                        e.getName(),
                        zip + ": " + e.getName() + " is larger than " + CatalogManifest.MOST_BYTES + " bytes");
            }
            return bytes;
        } catch (CatalogArtifactException x) {
            throw x;
        } catch (IOException x) {
            throw damaged(zip, e.getName(), x);
        }
    }

    /** Writes one entry into the folder, checking its size as it inflates and its digest once it is all there. */
    private static void unpack(ZipFile file, ZipArchiveEntry e, CatalogManifest.Entry listed, Path folder, Path zip)
            throws IOException {
        Path target = folder.resolve(listed.path()).normalize();
        if (!target.startsWith(folder)) {
            // escapes() already refused such a name; this only guards against a path rule it might miss
            throw new CatalogArtifactException(
                    Reason.OUTSIDE_FOLDER, zip, listed.path(), zip + ": " + listed.path() + " leads out of " + folder);
        }
        Files.createDirectories(target.getParent());
        MessageDigest digest = Sha256.start();
        long size = 0;
        try (InputStream in = file.getInputStream(e);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException x) {
                    throw damaged(zip, listed.path(), x);
                }
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > listed.size()) {
                    throw sizeMismatch(zip, listed, "more than");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size != listed.size()) {
            throw sizeMismatch(zip, listed, size + " bytes, not");
        }
        String sha256 = Sha256.hex(digest);
        if (!sha256.equals(listed.sha256())) {
            throw new CatalogArtifactException(
                    Reason.DIGEST,
                    zip,
                    listed.path(),
                    zip + ": entry " + listed.path() + " has SHA-256 " + sha256 + ", its manifest says "
                            + listed.sha256() + ": the file was altered after the catalog was packaged");
        }
    }

    private static CatalogArtifactException sizeMismatch(Path zip, CatalogManifest.Entry listed, String what) {
        return new CatalogArtifactException(
                Reason.SIZE,
                zip,
                listed.path(),
                zip + ": entry " + listed.path() + " holds " + what + " the " + listed.size()
                        + " bytes its manifest lists: the file was altered after the catalog was packaged");
    }

    private static CatalogArtifactException damaged(Path zip, String entry, IOException e) {
        return new CatalogArtifactException(
                Reason.NOT_A_ZIP,
                zip,
                entry,
                zip + ": entry " + CatalogManifest.quoted(entry) + " cannot be read (" + e.getMessage()
                        + "): a damaged or truncated zip",
                e);
    }
}
