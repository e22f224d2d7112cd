package io.modelcatalog.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Whether a backup may be restored at all: restore writes what the manifest says where it says, so the backup
 * directory, the backup's folder and its manifest must be this user's and writable by nobody else; otherwise
 * another user (of a shared or synced folder) could plant a backup that writes into this user's files.
 */
final class BackupTrust {

    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private BackupTrust() {}

    /**
     * Refuses the backup unless its directory, folder and manifest are this user's and writable by this user only
     * (on a file system without POSIX modes there is nothing to check).
     */
    static void check(Backup backup, Path directory) throws IOException {
        Path folder = backup.folder();
        Path manifest = folder.resolve(BackupManifest.FILE_NAME);
        for (Path p : new Path[] {folder, manifest}) {
            if (Files.isSymbolicLink(p)) {
                throw new UntrustedBackupException(
                        backup.id(),
                        p,
                        UntrustedBackupException.Reason.LINK,
                        "Backup " + backup.id() + " is refused: " + p + " is a symbolic link (to "
                                + Files.readSymbolicLink(p) + "), which no backup made by this plugin has; nothing "
                                + "was restored");
            }
        }
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
            return;
        }
        Me me = Me.find(folder);
        check(backup.id(), directory.toRealPath(), "the backup directory", me);
        check(backup.id(), folder, "its folder", me);
        check(backup.id(), manifest, "its manifest", me);
    }

    /**
     * The user running this: by uid where the kernel says it ({@code /proc/self} is owned by the process's
     * effective uid; a container's user may have no name), else by the name Java was started under.
     */
    private record Me(Object uid, UserPrincipal principal, String name) {

        static Me find(Path anywhere) throws IOException {
            String name = System.getProperty("user.name");
            try {
                Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                return new Me(uid, null, name);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return new Me(
                        null,
                        anywhere.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name),
                        name);
            }
        }

        boolean owns(Path path, PosixFileAttributes attributes) throws IOException {
            return uid != null
                    ? uid.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                    : attributes.owner().equals(principal);
        }
    }

    private static void check(String id, Path path, String what, Me me) throws IOException {
        PosixFileAttributes attributes = Files.getFileAttributeView(
                        path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (!me.owns(path, attributes)) {
            throw new UntrustedBackupException(
                    id,
                    path,
                    UntrustedBackupException.Reason.NOT_OWNED,
                    "Backup " + id + " is refused: " + what + " " + path + " belongs to "
                            + attributes.owner().getName()
                            + ", not to " + me.name() + " who runs the restore; another user could have put it "
                            + "there. Restore only backups in a folder of your own; "
                            + "nothing was restored");
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (mode.stream().anyMatch(OTHERS_WRITE::contains)) {
            String m = PosixFilePermissions.toString(mode);
            throw new UntrustedBackupException(
                    id,
                    path,
                    UntrustedBackupException.Reason.WRITABLE_BY_OTHERS,
                    "Backup " + id + " is refused: " + what + " " + path + " may be written by other users (mode " + m
                            + "), who could have changed what it restores. If you trust its content, make it yours "
                            + "only (chmod go-w " + path + ") and restore again; nothing was restored");
        }
    }
}
