package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {

    @Test
    void theConditionIsNamedBesideThePath() {
        assertEquals("/x/y: permission denied", FileErrors.describe(new AccessDeniedException("/x/y")));
        assertEquals("/x/y: no such file or folder", FileErrors.describe(new NoSuchFileException("/x/y")));
        assertEquals(
                "/x/y: Read-only file system",
                FileErrors.describe(new FileSystemException("/x/y", null, "Read-only file system")));
        assertEquals("plain", FileErrors.describe(new IOException("plain")));
    }
}
