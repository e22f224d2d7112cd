package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record of a run matches only for the same settings and while every file and folder in it is as recorded: a
 * touched file with the same bytes still does (and is recorded anew), an edited, replaced, deleted or created one, a
 * file added to a recorded folder, or a damaged record never does, and nothing is recorded that the run cannot vouch
 * for.
 */
class UpToDateRecordTest {

    @TempDir
    Path dir;

    private Path record;
    private Path input;
    private Path output;
    private Path absent;
    private Path folder;

    @BeforeEach
    void files() throws IOException {
        record = dir.resolve("state/run.record");
        input = dir.resolve("models_groq.json");
        Files.writeString(input, "{\"data\": []}");
        folder = Files.createDirectories(dir.resolve("configs"));
        output = folder.resolve("groq.yaml");
        Files.writeString(output, "clients: []\n");
        absent = folder.resolve("never.toml");
    }

    private boolean write() throws IOException {
        UpToDateRecord.Builder b = UpToDateRecord.builder("settings-1").input("in", input);
        b.output("out", output, "clients: []\n".getBytes(StandardCharsets.UTF_8))
                .absent("out", absent)
                .folder(folder)
                .data("provider groq 3")
                .data("skipped x: why");
        return b.write(record);
    }

    @Test
    void matchesWhileEverythingIsAsRecorded() throws IOException {
        assertTrue(write());
        UpToDateRecord.Match m = UpToDateRecord.check(record, "settings-1").orElseThrow();
        assertEquals(List.of("provider groq 3", "skipped x: why"), m.data());
        assertEquals(List.of(input.toAbsolutePath()), m.files("in"));
        assertEquals(List.of(output.toAbsolutePath()), m.files("out"));
        assertTrue(UpToDateRecord.check(record, "settings-1").isPresent(), "checking changes nothing");
        assertTrue(UpToDateRecord.check(record, "settings-2").isEmpty(), "other settings");
    }

    @Test
    void aTouchedFileWithTheSameBytesMatchesAndIsRecordedAnew() throws IOException {
        write();
        Files.setLastModifiedTime(output, FileTime.fromMillis(0));
        String before = Files.readString(record);
        assertTrue(UpToDateRecord.check(record, "settings-1").isPresent());
        assertNotEquals(before, Files.readString(record), "the new attributes recorded");
        assertTrue(UpToDateRecord.check(record, "settings-1").isPresent());
    }

    @Test
    void anEditedDeletedOrReplacedFileDoesNotMatch() throws IOException {
        write();
        Files.writeString(input, "{\"data\": [1]}");
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "an input edited");

        Files.writeString(input, "{\"data\": []}");
        assertTrue(UpToDateRecord.check(record, "settings-1").isPresent(), "its bytes back: the same again");

        Files.writeString(output, "clients: [x]\n");
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "an output edited");
        Files.delete(output);
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "an output deleted");
    }

    @Test
    void aFileThatAppearsWhereNoneWasOrInARecordedFolderDoesNotMatch() throws IOException {
        write();
        Files.writeString(absent, "");
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "a file recorded absent");
        Files.delete(absent);
        write();
        Files.writeString(folder.resolve("other.yaml"), "");
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "a file added to a recorded folder");
    }

    @Test
    void anInputThatMovedWhileTheRunReadItIsNotRecorded() throws IOException {
        assertTrue(write());
        UpToDateRecord.Builder b = UpToDateRecord.builder("settings-1").input("in", input);
        Files.writeString(input, "{\"data\": [2]}"); // while the run reads it
        assertFalse(b.write(record));
        assertFalse(Files.exists(record), "the old record is gone too");

        UpToDateRecord.Builder replaced = UpToDateRecord.builder("settings-1")
                .output("out", output, "something else\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(replaced.write(record), "an output another writer replaced meanwhile");
        UpToDateRecord.Builder newline = UpToDateRecord.builder("settings-1").data("two\nlines");
        assertFalse(newline.write(record), "a line break in a line");
    }

    @Test
    void aDamagedOrForeignRecordDoesNotMatch() throws IOException {
        write();
        String text = Files.readString(record);
        for (String damaged : List.of(
                "",
                "model-catalog up-to-date record 2\n" + text.substring(text.indexOf('\n') + 1),
                text.replace("settings settings-1", "settings"),
                text.replaceFirst("file in \\S+ \\d+", "file in x y"),
                text.replaceFirst("folder \\d+", "folder"),
                text + "something new\n",
                text.substring(0, text.length() - 20))) {
            Files.writeString(record, damaged);
            assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), damaged);
        }
        Files.write(record, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "not UTF-8");
        Files.delete(record);
        assertTrue(UpToDateRecord.check(record, "settings-1").isEmpty(), "none");
    }
}
