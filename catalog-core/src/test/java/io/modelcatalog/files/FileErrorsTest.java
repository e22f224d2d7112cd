package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {

    @Test
    void theConditionIsNamedBesideThePath() {
        assertEquals("/x/y: permission denied", FileErrors.describe(new AccessDeniedException("/x/y")));
        assertEquals("/x/y: no such file or folder", FileErrors.describe(new NoSuchFileException("/x/y")));
        assertEquals(
                "/x/y: read-only file system",
                FileErrors.describe(new FileSystemException("/x/y", null, "Read-only file system")));
        assertEquals("plain", FileErrors.describe(new IOException("plain")));
    }

    /* The condition and the remedy, never a bare path */

    @Test
    void aRegularFileWhereAFolderBelongsIsNamedSo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("models"), "");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file));
        assertEquals(file.toString(), e.getMessage(), "the JDK says only the path");

        assertEquals(
                file + " is a regular file, not a folder; remove or rename that file, or choose another folder",
                FileErrors.explain(e));
        IOException below = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("json")));
        assertEquals(
                file + " is a regular file, not a folder; remove or rename that file, or choose another folder",
                FileErrors.explain(below));
    }

    @Test
    void aTemporaryFileThatCannotBeCreatedIsNamedByItsFolder() {
        assertEquals(
                "/x/models: permission denied (cannot create files in it); give this user write permission there "
                        + "(chmod u+w), or choose another folder",
                FileErrors.explain(new AccessDeniedException("/x/models/.failed_models.json.123456.tmp")));
        assertEquals(
                "/x/models: read-only file system (cannot create files in it); choose a folder on a writable file "
                        + "system",
                FileErrors.explain(
                        new FileSystemException("/x/models/.models_groq.json.9.tmp", null, "Read-only file system")));
        assertEquals("/x/y: already exists", FileErrors.explain(new FileAlreadyExistsException("/x/y")));
    }
}
