package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogFolder;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.logging.Log;

/** The warning every goal that reads a catalog folder gives when the folder holds files of both layouts. */
final class LayoutWarning {

    private LayoutWarning() {}

    /** Warns when {@code folder} holds flat and structured catalog files; says nothing otherwise. */
    static void check(File folder, Log log) {
        try {
            CatalogFolder.bothLayouts(folder.toPath()).ifPresent(b -> log.warn(b.describe()));
        } catch (IOException e) {
            // a folder that cannot be listed: the goal itself says so when it reads it
        }
    }
}
