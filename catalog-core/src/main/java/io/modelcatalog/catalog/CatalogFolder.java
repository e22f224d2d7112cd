package io.modelcatalog.catalog;

import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog folder as {@code fetch} writes it, in either layout: which providers it holds and their documents.
 */
public final class CatalogFolder {

    private final Path root;
    private final CatalogLayout layout;

    public CatalogFolder(Path root, CatalogLayout layout) {
        this.root = root;
        this.layout = layout;
    }

    /**
     * Opens a folder, detecting its layout: structured when it has a {@code json/} sub-folder holding
     * {@code models_*.json} files and no flat ones, legacy otherwise.
     */
    public static CatalogFolder detect(Path root) throws IOException {
        boolean flat = !CatalogLayout.LEGACY.files(root, FileType.JSON).isEmpty();
        boolean structured =
                !CatalogLayout.STRUCTURED.files(root, FileType.JSON).isEmpty();
        return new CatalogFolder(root, structured && !flat ? CatalogLayout.STRUCTURED : CatalogLayout.LEGACY);
    }

    public Path root() {
        return root;
    }

    public CatalogLayout layout() {
        return layout;
    }

    /**
     * Provider names that have a {@code models_<p>.json} file, sorted. Files such as {@code models_x_best.json}
     * show up as provider {@code x_best}: callers that know the registry filter them.
     */
    public List<String> providers() throws IOException {
        return new ArrayList<>(layout.files(root, FileType.JSON).keySet());
    }

    /** The provider's sorted model list, read from its json file; empty when the file is missing. */
    public Optional<ModelList> read(String provider) throws IOException {
        Path file = layout.json(root, provider);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(ModelList.of(JsonDocuments.parse(Files.readAllBytes(file), file.toString())));
    }
}
