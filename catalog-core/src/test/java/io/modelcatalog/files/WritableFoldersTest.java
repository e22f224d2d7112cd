package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.testing.UnwritableFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder that cannot be written is reported as what is wrong with it, with the remedy. */
class WritableFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsCreatedAndLeftEmpty() throws IOException {
        Path folder = tmp.resolve("a/b/models");
        WritableFolders.prepare(folder);
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "the probe is gone");
        }
    }

    @Test
    void aRegularFileAsTheFolderOrAboveIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("models"), "not a folder");
        for (Path folder : List.of(file, file.resolve("json"))) {
            UnwritableFolderException e =
                    assertThrows(UnwritableFolderException.class, () -> WritableFolders.prepare(folder));
            assertEquals(UnwritableFolderException.Reason.NOT_A_FOLDER, e.reason());
            assertEquals(file, e.culprit());
            assertEquals(folder, e.folder());
            assertEquals(
                    file + " is a regular file, not a folder; remove or rename that file, or choose another folder",
                    e.getMessage());
        }
        assertEquals("not a folder", Files.readString(file), "left as it was");
    }

    @Test
    void aFolderThisUserCannotWriteSaysPermissionDenied() throws IOException {
        Path folder = UnwritableFolders.create(tmp);

        UnwritableFolderException e =
                assertThrows(UnwritableFolderException.class, () -> WritableFolders.prepare(folder));

        assertEquals(UnwritableFolderException.Reason.PERMISSION_DENIED, e.reason());
        assertEquals(
                folder + ": permission denied (this user cannot create files in it); give this user write "
                        + "permission on it (chmod u+w " + folder + "), or choose another folder",
                e.getMessage());
        UnwritableFolderException below =
                assertThrows(UnwritableFolderException.class, () -> WritableFolders.prepare(folder.resolve("models")));
        assertTrue(below.getMessage().startsWith(folder + ": permission denied"), below.getMessage());
    }
}
