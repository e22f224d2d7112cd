package io.modelcatalog;

import java.io.IOException;
import java.io.InputStream;
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

    /** The {@code User-Agent} of every request. */
    public static String userAgent() {
        return "model-catalog/" + get() + " (Maven plugin; +https://modelcatalog.io)";
    }
}
