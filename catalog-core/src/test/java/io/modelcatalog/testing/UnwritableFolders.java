package io.modelcatalog.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A folder this process cannot create files in, for the "permission denied" messages. A non-root user gets a
 * temporary folder made read-only; root writes through any mode, so it gets a sysfs folder, where the kernel
 * refuses new files to every user with EACCES. The test is skipped where neither gives a permission error.
 */
public final class UnwritableFolders {

    private UnwritableFolders() {}

    public static Path create(Path tmp) throws IOException {
        Path folder = tmp.resolve("read-only");
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (deniesNewFiles(folder)) {
            return folder;
        }
        Path sysfs = Path.of("/sys/kernel");
        assumeTrue(Files.isDirectory(sysfs) && deniesNewFiles(sysfs), "no folder here refuses new files");
        return sysfs;
    }

    private static boolean deniesNewFiles(Path folder) throws IOException {
        Path probe = folder.resolve(".probe-" + ProcessHandle.current().pid());
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (AccessDeniedException e) {
            return true;
        }
    }
}
