package io.modelcatalog.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.artifact.CatalogArtifactException.Reason;
import io.modelcatalog.catalog.FileType;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.legacy.PythonJsonWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Replaces the catalog files of a folder with a staged set, all or nothing, and leaves everything else in the folder
 * alone.
 *
 * <p>The swap folder {@code .catalog-swap-<digits>} lives inside the catalog folder: it is writable whenever the
 * folder is, and a move between the two is a rename within one file system, which is atomic per file. It holds
 * {@code new/} (the staged catalog), {@code old/} (what the swap takes away) and, while files move, a journal of the
 * moves. The swap moves the current catalog files into {@code old/}, then the new ones into place; files that
 * already hold the new bytes stay where they are, untouched. If a move fails, every move is undone in reverse and
 * the folder is as it was. If the process dies between the journal's writing and its removal, the next swap in the
 * folder undoes the moves the journal lists first ({@link #recover(Path)}), so the old catalog stands whole.
 */
final class CatalogSwap implements Closeable {

    /** The swap folder's name starts so. */
    static final String PREFIX = ".catalog-swap-";

    private static final String NEW = "new";
    private static final String OLD = "old";
    private static final String JOURNAL = "journal.json";

    private final Path folder;
    private final Path dir;
    private boolean keep;

    private CatalogSwap(Path folder, Path dir) {
        this.folder = folder;
        this.dir = dir;
    }

    /**
     * What a swap did, by path.
     *
     * @param added     new files the folder did not have
     * @param replaced  files that now hold other bytes
     * @param removed   catalog files of the folder that the new catalog does not have
     * @param unchanged files that held the new bytes already and were left alone
     */
    record Outcome(List<String> added, List<String> replaced, List<String> removed, List<String> unchanged) {}

    /** Starts a swap in {@code folder}, which must exist: an empty staging folder to fill. */
    static CatalogSwap begin(Path folder) throws IOException {
        Path dir = Files.createTempDirectory(folder, PREFIX);
        Files.createDirectory(dir.resolve(NEW));
        return new CatalogSwap(folder, dir);
    }

    /** The folder to stage the new catalog in, with the same relative paths as in the catalog folder. */
    Path staging() {
        return dir.resolve(NEW);
    }

    /**
     * Puts the staged files in place of the folder's catalog files.
     *
     * @param staged every staged file's path and SHA-256
     * @throws CatalogArtifactException ({@link Reason#REPLACE_FAILED}) naming the file that could not be moved, once
     *     every move was undone
     */
    Outcome replace(Map<String, String> staged) throws IOException {
        List<String> present = CatalogFiles.present(folder);
        List<String> place = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, String> f : new TreeMap<>(staged).entrySet()) {
            if (holds(folder.resolve(f.getKey()), staging().resolve(f.getKey()), f.getValue())) {
                unchanged.add(f.getKey());
            } else {
                place.add(f.getKey());
            }
        }
        List<String> away = present.stream().filter(p -> !unchanged.contains(p)).toList();
        Outcome outcome = new Outcome(
                place.stream().filter(p -> !present.contains(p)).toList(),
                place.stream().filter(present::contains).toList(),
                away.stream().filter(p -> !staged.containsKey(p)).toList(),
                unchanged);
        if (place.isEmpty() && away.isEmpty()) {
            return outcome;
        }
        for (String p : outcome.replaced()) {
            keepMode(folder.resolve(p), staging().resolve(p));
        }
        writeJournal(away, place);
        Set<Path> madeFolders = new LinkedHashSet<>();
        String moving = null;
        try {
            for (String p : away) {
                moving = p;
                move(folder.resolve(p), dir.resolve(OLD).resolve(p), null);
            }
            for (String p : place) {
                moving = p;
                move(staging().resolve(p), folder.resolve(p), madeFolders);
            }
        } catch (IOException e) {
            CatalogArtifactException failure = new CatalogArtifactException(
                    Reason.REPLACE_FAILED,
                    null,
                    moving,
                    "cannot replace " + folder.resolve(moving) + " (" + e.getMessage() + "); the catalog in " + folder
                            + " was put back as it was",
                    e);
            try {
                undo(folder, dir, away, place);
                for (Path made : madeFolders) {
                    deleteIfEmpty(made);
                }
            } catch (IOException u) {
                keep = true;
                failure.addSuppressed(u);
                throw new CatalogArtifactException(
                        Reason.REPLACE_FAILED,
                        null,
                        moving,
                        "cannot replace " + folder.resolve(moving) + " (" + e.getMessage() + "), nor put every file"
                                + " back (" + u.getMessage() + "): the previous files are in " + dir.resolve(OLD)
                                + "; the next run puts them back",
                        e);
            }
            throw failure;
        }
        // the swap is complete once its journal is gone
        Files.delete(dir.resolve(JOURNAL));
        // a sub-folder of the layout the folder had, now emptied (structured gave way to legacy)
        for (FileType type : FileType.values()) {
            String sub = type.extension() + "/";
            if (away.stream().anyMatch(p -> p.startsWith(sub))) {
                deleteIfEmpty(folder.resolve(type.extension()));
            }
        }
        return outcome;
    }

    /** Removes the swap folder, unless a failed undo left previous files in it. */
    @Override
    public void close() throws IOException {
        if (!keep) {
            deleteTree(dir);
        }
    }

    /**
     * Undoes the swaps that killed runs left in {@code folder} (a journal means moves were under way: they are undone,
     * so the catalog that stood before stands again) and removes their folders.
     *
     * @return the swap folders found
     */
    static List<Path> recover(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path dir : ds) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(dir);
                }
            }
        }
        found.sort(Comparator.naturalOrder());
        for (Path dir : found) {
            JsonNode journal = readJournal(dir.resolve(JOURNAL));
            if (journal != null) {
                undo(folder, dir, strings(journal.get("remove")), strings(journal.get("place")));
            }
            deleteTree(dir);
        }
        return found;
    }

    /** Moves the placed files back to staging (last first), then the removed ones back into the folder. */
    private static void undo(Path folder, Path dir, List<String> away, List<String> place) throws IOException {
        for (int i = place.size() - 1; i >= 0; i--) {
            Path staged = dir.resolve(NEW).resolve(place.get(i));
            Path placed = folder.resolve(place.get(i));
            if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS) && Files.exists(placed, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(placed, staged);
            }
        }
        for (int i = away.size() - 1; i >= 0; i--) {
            Path old = dir.resolve(OLD).resolve(away.get(i));
            if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder.resolve(away.get(i)).getParent());
                Files.move(old, folder.resolve(away.get(i)));
            }
        }
    }

    /** Whether {@code file} already holds the staged bytes (same size, same SHA-256). */
    private static boolean holds(Path file, Path staged, String sha256) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != Files.size(staged)) {
            return false;
        }
        return Sha256.of(file).equals(sha256);
    }

    /** A replaced file's mode goes to its replacement, as every write of this library keeps it. */
    private static void keepMode(Path old, Path staged) throws IOException {
        if (Files.getFileAttributeView(staged, PosixFileAttributeView.class) != null
                && Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(staged, Files.getPosixFilePermissions(old));
        }
    }

    private static void move(Path from, Path to, Set<Path> madeFolders) throws IOException {
        Path parent = to.getParent();
        if (madeFolders != null && !Files.isDirectory(parent)) {
            madeFolders.add(parent);
        }
        Files.createDirectories(parent);
        // a rename within one file system: atomic, and it never replaces a file
        Files.move(from, to);
    }

    private void writeJournal(List<String> away, List<String> place) throws IOException {
        ObjectNode j = JsonNodeFactory.instance.objectNode();
        ArrayNode remove = j.putArray("remove");
        away.forEach(remove::add);
        ArrayNode put = j.putArray("place");
        place.forEach(put::add);
        AtomicFiles.write(dir.resolve(JOURNAL), PythonJsonWriter.toBytes(j));
    }

    private static JsonNode readJournal(Path file) throws IOException {
        try {
            JsonNode j = JsonDocuments.parse(Files.readAllBytes(file), file.toString());
            return j.path("remove").isArray() && j.path("place").isArray() ? j : null;
        } catch (NoSuchFileException | DocumentParseException e) {
            // written atomically: no journal means no file had moved yet
            return null;
        }
    }

    private static List<String> strings(JsonNode array) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String p = n.asText();
            if (CatalogFiles.escapes(p) != null || !(CatalogFiles.isCatalogFile(p) || p.equals(CatalogOrigin.FILE))) {
                throw new IOException("a swap journal lists " + CatalogManifest.quoted(p) + ", no catalog file");
            }
            out.add(p);
        }
        return out;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.delete(dir);
        } catch (IOException e) {
            // not empty, or not there: either way not ours to remove
        }
    }

    /** Deletes a folder and what it holds, never following a link out of it. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
