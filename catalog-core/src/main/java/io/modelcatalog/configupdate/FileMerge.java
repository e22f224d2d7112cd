package io.modelcatalog.configupdate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a merger made of one file: new bytes to {@link Write write} (which may equal the current ones), a file to
 * {@link LeaveAlone leave alone} with a notice saying why, or a file to {@link Remove remove}.
 */
public sealed interface FileMerge {

    /** The tool the file belongs to. */
    String tool();

    /** The file. */
    Path file();

    /** Its current bytes, or null when it does not exist. */
    byte[] before();

    /** What happened to each managed entry. */
    List<EntryChange> entries();

    /** What the user should know (legacy tables, files left alone). */
    List<Notice> notices();

    /** Whether the file's bytes change (a new file counts, and a removed one). */
    boolean changed();

    /** Whether the file does not exist yet and will be created. */
    default boolean creates() {
        return false;
    }

    /**
     * For a file that holds one model of one provider (a codex profile file, whose one entry is named by the file's
     * name), that provider; null for a tool's config file, which holds entries of many. A run over every model has
     * thousands of the former, which the log counts per provider rather than listing them.
     */
    default String modelOf() {
        List<EntryChange> e = entries();
        return e.size() == 1 && e.get(0).entry().equals(file().getFileName().toString())
                ? e.get(0).provider()
                : null;
    }

    /**
     * A file that gets {@code after}, equal to {@code before} when nothing changes.
     *
     * @param before its current bytes, or null when it does not exist yet
     * @param after  its new bytes
     */
    record Write(String tool, Path file, byte[] before, byte[] after, List<EntryChange> entries, List<Notice> notices)
            implements FileMerge {

        public Write {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(after, "after");
            entries = List.copyOf(entries);
            notices = List.copyOf(notices);
        }

        @Override
        public boolean changed() {
            return before == null || !Arrays.equals(before, after);
        }

        @Override
        public boolean creates() {
            return before == null;
        }
    }

    /**
     * A file this tool does not touch, for example a profile file it did not write; the notice says so.
     *
     * @param before its current bytes
     */
    record LeaveAlone(String tool, Path file, byte[] before, Notice notice) implements FileMerge {

        public LeaveAlone {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(notice, "notice");
        }

        @Override
        public List<EntryChange> entries() {
            return List.of();
        }

        @Override
        public List<Notice> notices() {
            return List.of(notice);
        }

        @Override
        public boolean changed() {
            return false;
        }
    }

    /**
     * An existing file to be removed: a codex profile file this tool wrote for a model that is gone, under
     * {@code prune}.
     *
     * @param before its current bytes
     */
    record Remove(String tool, Path file, byte[] before, List<EntryChange> entries) implements FileMerge {

        public Remove {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(before, "only an existing file is removed");
            entries = List.copyOf(entries);
        }

        @Override
        public List<Notice> notices() {
            return List.of();
        }

        @Override
        public boolean changed() {
            return true;
        }
    }
}
