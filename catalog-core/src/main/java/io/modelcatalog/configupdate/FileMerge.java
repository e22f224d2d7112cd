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
 * @param removes whether the file is to be removed ({@code after} is null then): a codex profile file this tool
 *                wrote for a model that is gone, under {@code prune}
 */
public record FileMerge(
        String tool,
        Path file,
        byte[] before,
        byte[] after,
        List<EntryChange> entries,
        List<Notice> notices,
        boolean removes) {

    public FileMerge {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
        notices = List.copyOf(notices);
        if (removes && (before == null || after != null)) {
            throw new IllegalArgumentException("only an existing file is removed, and it has no new bytes");
        }
    }

    /** A file that stays (changed, unchanged or left alone). */
    public FileMerge(
            String tool, Path file, byte[] before, byte[] after, List<EntryChange> entries, List<Notice> notices) {
        this(tool, file, before, after, entries, notices, false);
    }

    /** A file to be removed. */
    public static FileMerge removal(String tool, Path file, byte[] before, List<EntryChange> entries) {
        return new FileMerge(tool, file, before, null, entries, List.of(), true);
    }

    /** Whether the file's bytes change (a new file counts, and a removed one). */
    public boolean changed() {
        return removes || (after != null && (before == null || !Arrays.equals(before, after)));
    }

    /** Whether the file does not exist yet and will be created. */
    public boolean creates() {
        return before == null && after != null;
    }
}
