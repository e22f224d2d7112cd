package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a path names as the kernel resolves it: every symbolic link on the way, in the folders and in the last
 * component, is followed relative to the folder it is in, never by editing the path's text. {@code a/link/../b}
 * with {@code link} pointing elsewhere is {@code b} beside the link's target, not {@code a/b}; that difference is
 * what a linked {@code ~/.config} (stow, chezmoi, yadm) with a relative {@code ..} link inside it makes.
 */
public final class RealFiles {

    /** Links followed before giving up, as the kernel's own limit for a path (ELOOP). */
    private static final int MAX_LINKS = 40;

    private RealFiles() {}

    /**
     * The real path of the file {@code path} names: the real path of its folder, then its last component with
     * links followed one at a time, each relative to its own folder. A last link that dangles gives the path it
     * points to (writing there creates the file the link names, as the kernel would); a folder that does not exist
     * yet is taken as it is spelled below its nearest existing folder.
     *
     * @throws IOException for a loop of links, or when a folder on the way cannot be resolved
     */
    public static Path of(Path path) throws IOException {
        Path current = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            Path name = current.getFileName();
            if (name == null) {
                return current; // the root
            }
            Path folder = realFolder(current.getParent());
            current = folder.resolve(name.toString());
            if (name.toString().equals("..") || name.toString().equals(".")) {
                current = realFolder(current);
                continue;
            }
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            // a relative target is relative to the link's own (real) folder; resolve() keeps its ".." for the next
            // round to resolve against real folders
            current = folder.resolve(Files.readSymbolicLink(current));
        }
        throw new IOException(path + ": too many levels of symbolic links");
    }

    /**
     * The real path of a folder: {@link Path#toRealPath} of its nearest existing ancestor, with the components that
     * do not exist yet appended.
     */
    private static Path realFolder(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            // missing, or a dangling link: what is below it cannot exist either, and creating it fails there
            existing = existing.getParent();
        }
        if (existing == null) {
            return folder.normalize();
        }
        Path real = existing.toRealPath();
        return existing.equals(folder)
                ? real
                : real.resolve(existing.relativize(folder).toString()).normalize();
    }
}
