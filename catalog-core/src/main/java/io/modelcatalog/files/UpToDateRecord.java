package io.modelcatalog.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful run depended on and what it left behind, so that a rerun can tell from file attributes alone
 * that running again would change nothing, and skip its work: the digest of the run's settings, a
 * {@link FileStamp} per file it read (taken before reading, confirmed after) and per file it left, the files that
 * must stay absent, the attributes of folders whose listing matters (a file added or removed there moves them), and
 * a few lines of the caller's own (what to report).
 *
 * <p>{@link #check} gives the record back only when the settings are the same and every file and folder is as
 * recorded: a file whose attributes moved is hashed, and still counts when it holds the recorded bytes (its new
 * attributes are then recorded). Anything else, a record that is missing, damaged or of another format included,
 * means "run in full"; never an error. The record is a small text file written atomically, one entry a line:
 *
 * <pre>
 * model-catalog up-to-date record 1
 * settings &lt;digest&gt;
 * data &lt;caller's text&gt;
 * file &lt;tag&gt; &lt;sha256&gt; &lt;size&gt; &lt;mtime ns&gt; &lt;ctime ns&gt; &lt;dev:inode or -&gt; &lt;path&gt;
 * absent &lt;tag&gt; &lt;path&gt;
 * folder &lt;size&gt; &lt;mtime ns&gt; &lt;ctime ns&gt; &lt;dev:inode&gt; &lt;path&gt;
 * </pre>
 *
 * Paths are absolute, as given (links are followed when the files are compared, so a linked config is checked as
 * its real file). Where the file system gives no change time or identity (no unix attributes) a file is hashed
 * every check and a folder never matches.
 */
public final class UpToDateRecord {

    /** The first line; a record of another format is ignored. */
    static final String HEADER = "model-catalog up-to-date record 1";

    private static final String NO_KEY = "-";

    private UpToDateRecord() {}

    /**
     * A record that matched.
     *
     * @param data  the caller's lines, in order
     * @param files the recorded existing files by tag, in order
     */
    public record Match(List<String> data, Map<String, List<Path>> files) {

        public Match {
            data = List.copyOf(data);
            Map<String, List<Path>> copy = new LinkedHashMap<>();
            files.forEach((tag, paths) -> copy.put(tag, List.copyOf(paths)));
            files = Collections.unmodifiableMap(copy);
        }

        /** The recorded existing files with this tag. */
        public List<Path> files(String tag) {
            return files.getOrDefault(tag, List.of());
        }
    }

    /**
     * The record in {@code record}, when it was written for these settings and every file and folder in it is as
     * recorded; empty otherwise (never an error: a record that cannot be read or understood only means a full
     * run).
     */
    public static Optional<Match> check(Path record, String settings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !HEADER.equals(lines.get(0)) || !("settings " + settings).equals(lines.get(1))) {
            return Optional.empty();
        }
        List<String> data = new ArrayList<>();
        Map<String, List<Path>> files = new LinkedHashMap<>();
        List<String> refreshed = new ArrayList<>(lines);
        boolean touched = false;
        try {
            for (int i = 2; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("data ")) {
                    data.add(line.substring("data ".length()));
                } else if (line.startsWith("file ")) {
                    String[] f = line.split(" ", 8);
                    if (f.length != 8) {
                        return Optional.empty();
                    }
                    FileStamp stamp = new FileStamp(
                            f[2],
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]),
                            NO_KEY.equals(f[6]) ? null : f[6]);
                    Path path = Path.of(f[7]);
                    switch (stamp.check(path)) {
                        case SAME -> {}
                        case SAME_BYTES -> {
                            Optional<FileStamp> now = stamp.refreshed(path);
                            if (now.isPresent()) {
                                refreshed.set(i, fileLine(f[1], now.get(), path));
                                touched = true;
                            }
                        }
                        case CHANGED -> {
                            return Optional.empty();
                        }
                    }
                    files.computeIfAbsent(f[1], t -> new ArrayList<>()).add(path);
                } else if (line.startsWith("absent ")) {
                    String[] f = line.split(" ", 3);
                    if (f.length != 3 || Files.exists(Path.of(f[2]), LinkOption.NOFOLLOW_LINKS)) {
                        return Optional.empty();
                    }
                } else if (line.startsWith("folder ")) {
                    String[] f = line.split(" ", 6);
                    if (f.length != 6) {
                        return Optional.empty();
                    }
                    FileStamp recorded =
                            new FileStamp(null, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4]);
                    Path folder = Path.of(f[5]);
                    Optional<FileStamp> now = FileStamp.attributesNow(folder);
                    if (!Files.isDirectory(folder) || now.isEmpty() || !recorded.sameAttributes(now.get())) {
                        return Optional.empty();
                    }
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable file, bad number, bad path: run in full
        }
        if (touched) {
            try {
                AtomicFiles.write(record, text(refreshed));
            } catch (IOException e) {
                // the next check hashes the touched files again
            }
        }
        return Optional.of(new Match(data, files));
    }

    /**
     * Removes a record: the next check runs in full.
     *
     * @return whether it is gone (false when it could not be removed; it still describes what a successful run
     *     left, so it is never wrong, only stale)
     */
    public static boolean forget(Path record) {
        try {
            Files.deleteIfExists(record);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A record for a run with these settings, to fill as the run goes and {@link Builder#write} once it succeeded. */
    public static Builder builder(String settings) {
        return new Builder(settings);
    }

    /** What a run read and left, collected as it goes. Not thread-safe: one per run. */
    public static final class Builder {

        private sealed interface Entry {}

        private record Input(String tag, Path path, FileStamp before) implements Entry {}

        private record Output(String tag, Path path, byte[] bytes, FileStamp stamp) implements Entry {}

        private record Absent(String tag, Path path) implements Entry {}

        private record Unchanged(String tag, Path path, FileStamp before, byte[] bytes) implements Entry {}

        private record Folder(Path path) implements Entry {}

        private final String settings;
        private final List<String> data = new ArrayList<>();
        private final List<Entry> entries = new ArrayList<>();

        private Builder(String settings) {
            this.settings = settings;
        }

        /**
         * A file the run is about to read: its attributes now, before it is read. At {@link #write} it must still
         * have them (else no record is written: it may have changed while it was read), and it is hashed then. A
         * file that does not exist must still not exist.
         */
        public Builder input(String tag, Path file) throws IOException {
            checkTag(tag);
            entries.add(new Input(
                    tag, file.toAbsolutePath(), FileStamp.attributesNow(file).orElse(null)));
            return this;
        }

        /** A file the run left holding {@code bytes} (written or found so). */
        public Builder output(String tag, Path file, byte[] bytes) {
            checkTag(tag);
            entries.add(new Output(tag, file.toAbsolutePath(), bytes, null));
            return this;
        }

        /** A file the run left as an earlier run's stamp (checked this run) says. */
        public Builder output(String tag, Path file, FileStamp stamp) {
            checkTag(tag);
            entries.add(new Output(tag, file.toAbsolutePath(), null, stamp));
            return this;
        }

        /**
         * A file the run read and left as it was: {@code before} its attributes taken before it was read, {@code
         * bytes} what it held. At {@link #write} it must still have those attributes (else no record is written).
         */
        public Builder unchanged(String tag, Path file, FileStamp before, byte[] bytes) {
            checkTag(tag);
            entries.add(new Unchanged(tag, file.toAbsolutePath(), before, bytes));
            return this;
        }

        /** A file the run left absent: a later one that finds it is not up to date. */
        public Builder absent(String tag, Path file) {
            checkTag(tag);
            entries.add(new Absent(tag, file.toAbsolutePath()));
            return this;
        }

        /** A folder whose listing matters: a file added to it or removed moves its attributes, stamped at write. */
        public Builder folder(Path folder) {
            entries.add(new Folder(folder.toAbsolutePath()));
            return this;
        }

        /** A line of the caller's own (no line break), given back by {@link Match#data}. */
        public Builder data(String line) {
            data.add(line);
            return this;
        }

        /**
         * Stamps what the run left and writes the record atomically. When anything cannot be vouched for (an input
         * that moved since it was read, an output another writer replaced meanwhile, a path or line with a line
         * break), the record is removed instead, so the next run is a full one. Never fails: a record that
         * cannot be written is none.
         *
         * @return whether the record was written
         */
        public boolean write(Path record) {
            try {
                List<String> lines = lines();
                if (lines != null) {
                    AtomicFiles.write(record, text(lines));
                    return true;
                }
                forget(record);
            } catch (IOException e) {
                // a record that cannot be written (a full disk, a read-only cache) only makes the next run a full one
                forget(record);
            }
            return false;
        }

        private List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(HEADER);
            out.add("settings " + settings);
            for (String d : data) {
                if (!printable(d)) {
                    return null;
                }
                out.add("data " + d);
            }
            try {
                for (Entry e : entries) {
                    String line = line(e);
                    if (line == null) {
                        return null;
                    }
                    out.add(line);
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return out;
        }

        private static String line(Entry e) throws IOException {
            if (!printable(path(e).toString())) {
                return null;
            }
            if (e instanceof Input i) {
                Optional<FileStamp> now = FileStamp.attributesNow(i.path());
                if (i.before() == null) {
                    return now.isEmpty() && !Files.exists(i.path(), LinkOption.NOFOLLOW_LINKS)
                            ? "absent " + i.tag() + " " + i.path()
                            : null;
                }
                if (now.isEmpty() || !i.before().sameAttributes(now.get())) {
                    return null;
                }
                return fileLine(i.tag(), now.get().withSha256(Sha256.of(i.path())), i.path());
            }
            if (e instanceof Output o) {
                Optional<FileStamp> stamp =
                        o.stamp() != null ? Optional.of(o.stamp()) : FileStamp.ofWritten(o.path(), o.bytes());
                return stamp.map(s -> fileLine(o.tag(), s, o.path())).orElse(null);
            }
            if (e instanceof Unchanged u) {
                Optional<FileStamp> now = FileStamp.attributesNow(u.path());
                return u.before() != null
                                && now.isPresent()
                                && u.before().sameAttributes(now.get())
                                && now.get().size() == u.bytes().length
                        ? fileLine(u.tag(), now.get().withSha256(Sha256.of(u.bytes())), u.path())
                        : null;
            }
            if (e instanceof Absent a) {
                return Files.exists(a.path(), LinkOption.NOFOLLOW_LINKS) ? null : "absent " + a.tag() + " " + a.path();
            }
            Folder f = (Folder) e;
            Optional<FileStamp> now = FileStamp.attributesNow(f.path());
            if (now.isEmpty() || !Files.isDirectory(f.path()) || now.get().key() == null) {
                return null;
            }
            FileStamp s = now.get();
            return "folder " + s.size() + " " + s.mtime() + " " + s.ctime() + " " + s.key() + " " + f.path();
        }

        private static Path path(Entry e) {
            if (e instanceof Input i) {
                return i.path();
            }
            if (e instanceof Output o) {
                return o.path();
            }
            if (e instanceof Absent a) {
                return a.path();
            }
            if (e instanceof Unchanged u) {
                return u.path();
            }
            return ((Folder) e).path();
        }

        private static void checkTag(String tag) {
            if (tag.isEmpty() || !tag.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("a tag is one word of printable ASCII, not '" + tag + "'");
            }
        }

        private static boolean printable(String s) {
            return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
        }
    }

    private static String fileLine(String tag, FileStamp s, Path path) {
        String key = s.key() == null || s.key().isEmpty() || s.key().contains(" ") ? NO_KEY : s.key();
        return "file " + tag + " " + s.sha256() + " " + s.size() + " " + s.mtime() + " " + s.ctime() + " " + key + " "
                + path;
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
