package io.modelcatalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {

    private static final byte[] BYTES = "{\"data\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private FileStamp written(Path file) throws Exception {
        AtomicFiles.write(file, BYTES);
        return FileStamp.ofWritten(file, BYTES).orElseThrow();
    }

    @Test
    void anUntouchedFileMatchesWithoutBeingRead() throws Exception {
        Path f = dir.resolve("a.json");
        FileStamp stamp = written(f);
        assertEquals(Sha256.of(BYTES), stamp.sha256());
        assertEquals(BYTES.length, stamp.size());
        assertEquals(FileStamp.Check.SAME, stamp.check(f));
    }

    @Test
    void anEditInPlaceIsCaughtEvenWithItsSizeAndModificationTimeRestored() throws Exception {
        Path f = dir.resolve("a.json");
        FileStamp stamp = written(f);
        FileTime mtime = Files.getLastModifiedTime(f);
        byte[] edited = BYTES.clone();
        edited[3] = 'D';
        Files.write(f, edited);
        Files.setLastModifiedTime(f, mtime);
        assertEquals(FileStamp.Check.CHANGED, stamp.check(f));
        assertFalse(stamp.matches(f));
    }

    @Test
    void aReplacedFileWithTheSameBytesStillHoldsThem() throws Exception {
        Path f = dir.resolve("a.json");
        FileStamp stamp = written(f);
        AtomicFiles.write(f, BYTES);
        assertEquals(FileStamp.Check.SAME_BYTES, stamp.check(f), "another inode: hashed");
        FileStamp refreshed = stamp.refreshed(f).orElseThrow();
        assertEquals(FileStamp.Check.SAME, refreshed.check(f));
    }

    @Test
    void aTouchedFileIsHashedAndStillMatches() throws Exception {
        Path f = dir.resolve("a.json");
        FileStamp stamp = written(f);
        Files.setLastModifiedTime(f, FileTime.fromMillis(0));
        assertEquals(FileStamp.Check.SAME_BYTES, stamp.check(f));
    }

    @Test
    void deletedTruncatedOrGrownFilesNeverMatch() throws Exception {
        Path f = dir.resolve("a.json");
        FileStamp stamp = written(f);
        Files.write(f, new byte[0]);
        assertEquals(FileStamp.Check.CHANGED, stamp.check(f));
        Files.write(f, (new String(BYTES, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        assertEquals(FileStamp.Check.CHANGED, stamp.check(f));
        Files.delete(f);
        assertEquals(FileStamp.Check.CHANGED, stamp.check(f));
        assertTrue(stamp.refreshed(f).isEmpty());
    }

    @Test
    void noStampVouchesForAFileOfAnotherLength() throws Exception {
        Path f = dir.resolve("a.json");
        AtomicFiles.write(f, "other".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), FileStamp.ofWritten(f, BYTES));
        assertEquals(Optional.empty(), FileStamp.ofWritten(dir.resolve("missing"), BYTES));
    }
}
