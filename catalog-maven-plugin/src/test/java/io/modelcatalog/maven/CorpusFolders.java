package io.modelcatalog.maven;

import io.modelcatalog.testing.LegacyCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the legacy dump folder {@code bak/} of the corpus (read from the core's test jar) into a folder. */
final class CorpusFolders {

    /** The hand-made and leftover files of the real legacy folder. */
    static final List<String> STRAYS = List.of(
            "models_featherless_best.json",
            "models_infermatic_manual.json",
            "models_morphllm.txt",
            "models_nineteenai.txt");

    private CorpusFolders() {}

    /** The 108 regular files: 36 providers x json, txt, toml. */
    static List<String> regularFiles() {
        List<String> out = new ArrayList<>();
        for (String p : LegacyCorpus.providerNames()) {
            for (String ext : List.of("json", "txt", "toml")) {
                out.add("models_" + p + "." + ext);
            }
        }
        return out;
    }

    /** The whole bak/ folder, strays included. */
    static Path bak(Path target) throws IOException {
        regular(target);
        for (String name : STRAYS) {
            Files.write(target.resolve(name), LegacyCorpus.bak(name));
        }
        return target;
    }

    /** bak/ without its strays: what a fetch of the corpus providers writes. */
    static Path regular(Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : regularFiles()) {
            Files.write(target.resolve(name), LegacyCorpus.bak(name));
        }
        return target;
    }
}
