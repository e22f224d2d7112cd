package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void temporaryNamesAreRecognisedAsLeftovers() {
        for (long random : new long[] {0, 1, 42, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            String name = AtomicFiles.tempName("models_groq.json", random);
            assertTrue(name.startsWith(".models_groq.json."), name);
            assertTrue(name.endsWith(".tmp"), name);
            assertTrue(AtomicFiles.isLeftoverName(name), name);
        }
        // the names Files.createTempFile gave before have the same shape
        assertTrue(AtomicFiles.isLeftoverName(".models_groq.json.8123456789012345678.tmp"));
        assertTrue(AtomicFiles.isLeftoverName(".abc.body.17.tmp"));
    }

    @Test
    void otherNamesAreNotLeftovers() {
        for (String name : new String[] {
            "models_groq.json",
            "models_groq.json.tmp",
            ".models_groq.json",
            ".models_groq.json.tmp",
            ".models_groq.json.12a.tmp",
            "..1.tmp",
            ".x.1.tmp.bak",
            "x.1.tmp",
            ""
        }) {
            assertFalse(AtomicFiles.isLeftoverName(name), name);
        }
        assertFalse(AtomicFiles.isLeftoverName(null));
    }

    @Test
    void writesReplaceAndLeaveNoTemporaryFile() throws Exception {
        Path target = dir.resolve("a/b/file.json");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertFalse(AtomicFiles.writeIfChanged(target, new byte[] {1, 2, 3}));
        assertTrue(AtomicFiles.writeIfChanged(target, new byte[] {4}));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
        try (var files = Files.list(target.getParent())) {
            assertTrue(files.allMatch(target::equals));
        }
    }

    @Test
    void aDanglingLinkIsWrittenThrough() throws Exception {
        Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("real/config.yaml"));
        AtomicFiles.write(dir.resolve("link.yaml"), new byte[] {7});
        assertTrue(Files.isSymbolicLink(dir.resolve("link.yaml")));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(dir.resolve("real/config.yaml")));
    }
}
