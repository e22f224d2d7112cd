package io.modelcatalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/** The library's version, from the build. */
public final class CatalogVersion {
    private CatalogVersion() {}

    public static String get() {
        try (InputStream in = CatalogVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The build of the code that runs: the version and, for the jar it runs from, its size and modification time (a
     * snapshot changes without a new version). What a file written by an earlier run is compared by, before it is
     * trusted to be what this code would write.
     */
    public static String build() {
        String version = get();
        try {
            CodeSource source = CatalogVersion.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path jar = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(jar)) {
                    return version + " " + Files.size(jar) + " "
                            + Files.getLastModifiedTime(jar).toMillis();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // unknown location: the version alone
        }
        return version;
    }

    /** The {@code User-Agent} of every request. */
    public static String userAgent() {
        return "model-catalog/" + get() + " (Maven plugin; +https://modelcatalog.io)";
    }
}
