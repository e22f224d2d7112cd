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
 */
public record GenerateConfigsRequest(CatalogQuery catalog, Path outputDir, List<ToolWriter> writers) {

    public GenerateConfigsRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(outputDir, "outputDir");
        writers = List.copyOf(writers);
    }
}
