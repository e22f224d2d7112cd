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
     * Opens a folder, detecting its layout by the one rule every goal follows: flat (legacy) when it holds any
     * flat {@code models_*.json}, structured when only its {@code json/} sub-folder does, legacy when neither.
     * A folder holding both is read flat; {@link #bothLayouts(Path)} says so, for a warning.
     */
    public static CatalogFolder detect(Path root) throws IOException {
        boolean flat = !CatalogLayout.LEGACY.files(root, FileType.JSON).isEmpty();
        boolean structured =
                !CatalogLayout.STRUCTURED.files(root, FileType.JSON).isEmpty();
        return new CatalogFolder(root, structured && !flat ? CatalogLayout.STRUCTURED : CatalogLayout.LEGACY);
    }

    /**
     * A folder with files of both layouts: flat {@code models_<p>.json} beside a {@code json/} sub-folder of them.
     *
     * @param root       the folder
     * @param flat       flat json files
     * @param structured json files in {@code json/}
     * @param read       the layout {@link #detect(Path)} reads: legacy
     */
    public record BothLayouts(Path root, int flat, int structured, CatalogLayout read) {

        /** What the reader should know, in one sentence. */
        public String describe() {
            return root + " holds catalog files in both layouts: " + flat + " flat models_<p>.json and " + structured
                    + " in json/; the flat ones are read (the same rule for every goal), the others ignored: remove "
                    + "the set that is no longer used";
        }
    }

    /** Whether the folder holds files of both layouts; empty when it holds one or none. */
    public static Optional<BothLayouts> bothLayouts(Path root) throws IOException {
        int flat = CatalogLayout.LEGACY.files(root, FileType.JSON).size();
        int structured = CatalogLayout.STRUCTURED.files(root, FileType.JSON).size();
        return flat > 0 && structured > 0
                ? Optional.of(
                        new BothLayouts(root, flat, structured, detect(root).layout()))
                : Optional.empty();
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
