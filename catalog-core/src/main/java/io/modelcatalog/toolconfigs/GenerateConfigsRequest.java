package io.modelcatalog.toolconfigs;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run of {@link ConfigGenerator}.
 *
 * @param catalog   the catalog folder and what to read from it
 * @param outputDir the configs folder: each writer writes into its own folder there
 * @param writers   the tool writers to run, in order (the built-in ones: {@code io.modelcatalog.tools.Tool#writers})
 * @param force     ignore what earlier runs recorded in the state folder: read and render everything (files whose
 *                  bytes are current are still not rewritten)
 */
public record GenerateConfigsRequest(CatalogQuery catalog, Path outputDir, List<ToolWriter> writers, boolean force) {

    /** By default a run uses what earlier runs recorded. */
    public static final boolean DEFAULT_FORCE = false;

    public GenerateConfigsRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(outputDir, "outputDir");
        writers = List.copyOf(writers);
    }

    /** A run that may use what earlier runs recorded. */
    public GenerateConfigsRequest(CatalogQuery catalog, Path outputDir, List<ToolWriter> writers) {
        this(catalog, outputDir, writers, DEFAULT_FORCE);
    }
}
