package io.modelcatalog.it.toolconfigs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The legacy corpus catalog ({@code legacy-corpus/bak/} of the core's test jar), copied into a real folder. */
public final class CorpusCatalog {

    private static final String MARKER = "legacy-corpus/bak/models_openai.json";

    private CorpusCatalog() {}

    /** Copies the corpus catalog folder to {@code target} and returns it. */
    public static Path copyTo(Path target) throws IOException {
        URL url = CorpusCatalog.class.getClassLoader().getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException(MARKER + " is not on the test classpath (catalog-core's test jar)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Files.createDirectories(target);
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyFiles(jar.provider().getPath(uri).getParent(), target);
            }
        } else {
            copyFiles(Path.of(uri).getParent(), target);
        }
        return target;
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }
}
