package io.modelcatalog.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Runs {@link AtomicFiles} in a process of its own, so that {@link AtomicFilesModeTest} can choose its umask: it
 * writes the new files and replaces the existing ones that the test prepared in the folder given as argument.
 */
public final class AtomicFilesProbe {

    private AtomicFilesProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] bytes = "written\n".getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("new.txt"), bytes);
        AtomicFiles.writeIfChanged(dir.resolve("sub/new-if-changed.txt"), bytes);
        for (String name : AtomicFilesModeTest.REPLACED) {
            AtomicFiles.write(dir.resolve(name), bytes);
        }
        AtomicFiles.writeIfChanged(dir.resolve("replaced-if-changed.txt"), bytes);
        AtomicFiles.write(dir.resolve("link.txt"), bytes);
        AtomicFiles.write(dir.resolve("exact-600.txt"), bytes, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(dir.resolve("exact-644.txt"), bytes, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(dir.resolve("replaced-exact.txt"), bytes, PosixFilePermissions.fromString("rw-r-----"));
    }
}
