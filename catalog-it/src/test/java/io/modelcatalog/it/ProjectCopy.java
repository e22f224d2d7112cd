package io.modelcatalog.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** A folder of the project copied as a user would have it: sources only, no build output, no links. */
final class ProjectCopy {

    /** What a clone holds but a build never reads: build output, git, the tools the CLI checks run. */
    private static final Set<String> LEFT_OUT = Set.of("target", ".git", ".tools", "node_modules");

    private ProjectCopy() {}

    static void sources(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                boolean leftOut = Files.isSymbolicLink(f);
                for (Path part : rel) {
                    leftOut |= LEFT_OUT.contains(part.toString());
                }
                if (leftOut) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
    }
}
