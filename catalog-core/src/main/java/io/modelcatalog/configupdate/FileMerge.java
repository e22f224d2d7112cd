package io.modelcatalog.configupdate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a merger made of one file.
 *
 * @param tool    the tool the file belongs to
 * @param file    the file
 * @param before  its current bytes, or null when it does not exist
 * @param after   its new bytes (equal to {@code before} when nothing changes), or null to leave the file alone
 *                (for example a profile file that this tool did not write)
 * @param entries what happened to each managed entry
 * @param notices what the user should know (legacy tables, files left alone)
 */
public record FileMerge(
        String tool, Path file, byte[] before, byte[] after, List<EntryChange> entries, List<Notice> notices) {

    public FileMerge {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
        notices = List.copyOf(notices);
    }

    /** Whether the file's bytes change (a new file counts). */
    public boolean changed() {
        return after != null && (before == null || !Arrays.equals(before, after));
    }

    /** Whether the file does not exist yet and will be created. */
    public boolean creates() {
        return before == null && after != null;
    }
}
