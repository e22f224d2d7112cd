package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes the temporary files of {@link AtomicFiles} that a killed run left behind ({@code .<name>.<digits>.tmp}
 * beside a file it was writing): hidden, but {@code git add} picks them up, and each kill adds more.
 *
 * <p>Only files of that shape whose target name the caller recognises as its own are removed, and only those last
 * modified before the run started, less a {@link #GRACE grace period}: another build sharing the folder may be
 * writing one right now, and a write lasts milliseconds, so a temporary file older than that belongs to no live
 * writer.
 */
public final class LeftoverFiles {

    /** How much older than the run's start a temporary file must be to count as left over. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private LeftoverFiles() {}

    /**
     * Removes the leftovers in {@code dir} and its sub-folders down to {@code depth} levels (1: {@code dir} only),
     * never following links.
     *
     * @param targetNames accepts the names of the files the caller writes there ({@code models_openai.json})
     * @param runStart    when the run started
     * @return the files removed, sorted; none when {@code dir} does not exist. A leftover that cannot be removed
     *     (a folder of another user's) stays, and is not listed
     * @throws IOException when a folder cannot be listed
     */
    public static List<Path> remove(Path dir, int depth, Predicate<String> targetNames, Instant runStart)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Instant cutoff = runStart.minus(GRACE);
        List<Path> candidates;
        try (Stream<Path> files = Files.find(dir, depth, (f, a) -> isLeftover(f, a, targetNames, cutoff))) {
            candidates = files.sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path f : candidates) {
            try {
                Files.delete(f);
                removed.add(f);
            } catch (NoSuchFileException e) {
                // another run cleaned it up first
            } catch (IOException e) {
                // not ours to remove (a shared folder): cleaning up is a courtesy, never a reason to fail a run
            }
        }
        return removed;
    }

    /**
     * Whether {@code dir} itself holds a temporary file of one of these targets, of any age (a killed run's, or a
     * live run's): read only, for a caller that must not decide anything while one is there.
     */
    public static boolean any(Path dir, Predicate<String> targetNames) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> AtomicFiles.isLeftoverName(name) && targetNames.test(targetName(name)));
        }
    }

    /** The target name of a temporary file's name ({@code .models_x.json.123.tmp} gives {@code models_x.json}). */
    static String targetName(String leftoverName) {
        String withoutTmp = leftoverName.substring(1, leftoverName.length() - ".tmp".length());
        return withoutTmp.substring(0, withoutTmp.lastIndexOf('.'));
    }

    private static boolean isLeftover(Path f, BasicFileAttributes a, Predicate<String> targetNames, Instant cutoff) {
        String name = f.getFileName().toString();
        return a.isRegularFile()
                && AtomicFiles.isLeftoverName(name)
                && targetNames.test(targetName(name))
                && a.lastModifiedTime().toInstant().isBefore(cutoff);
    }
}
