package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

    @Test
    void streamedContentIsComparedAsItIsMadeAndWrittenOnlyWhereItDiffers() throws Exception {
        Path target = dir.resolve("models.json");
        byte[] big = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        // written in many small pieces, as LegacyListFiles writes
        AtomicFiles.Content pieces = out -> {
            for (int i = 0; i < big.length; i += 1000) {
                out.write(big, i, 1000);
            }
        };
        AtomicFiles.Written first = AtomicFiles.writeIfChanged(target, pieces);
        assertTrue(first.changed());
        assertEquals(big.length, first.size());
        assertEquals(Sha256.of(big), first.sha256());
        assertArrayEquals(big, Files.readAllBytes(target));
        long modified = Files.getLastModifiedTime(target).toMillis();

        AtomicFiles.Written again = AtomicFiles.writeIfChanged(target, pieces);
        assertFalse(again.changed());
        assertEquals(first, new AtomicFiles.Written(true, again.size(), again.sha256()));
        assertEquals(modified, Files.getLastModifiedTime(target).toMillis());

        // the file is longer than the content (a prefix of it is the content): rewritten
        Files.write(target, (new String(big, StandardCharsets.US_ASCII) + "y").getBytes(StandardCharsets.US_ASCII));
        assertTrue(AtomicFiles.writeIfChanged(target, pieces).changed());
        assertArrayEquals(big, Files.readAllBytes(target));

        // the file is shorter, or differs in its last byte: rewritten
        Files.write(target, new byte[] {'x', 'x'});
        assertTrue(AtomicFiles.writeIfChanged(target, pieces).changed());
        byte[] last = big.clone();
        last[last.length - 1] = 'z';
        Files.write(target, last);
        assertTrue(AtomicFiles.writeIfChanged(target, pieces).changed());
        assertArrayEquals(big, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(target::equals));
        }
    }

    @Test
    void aFailingContentLeavesTheFileAsItWas() throws Exception {
        Path target = dir.resolve("models.txt");
        Files.write(target, new byte[] {1, 2});
        AtomicFiles.Content failing = out -> {
            out.write(new byte[] {3, 4, 5});
            throw new java.io.IOException("broken");
        };
        org.junit.jupiter.api.Assertions.assertThrows(
                java.io.IOException.class, () -> AtomicFiles.writeIfChanged(target, failing));
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(target::equals));
        }
    }
}
