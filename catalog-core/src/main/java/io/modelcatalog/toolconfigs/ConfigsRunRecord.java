package io.modelcatalog.toolconfigs;

import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.files.UpToDateRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rerun check of {@code generate-configs} as a whole: when the catalog files (size, times, identity as
 * recorded, else their SHA-256), every setting that decides the output (the code, the catalog folder and its layout
 * and file names, providers, include/exclude, the providers' definitions and base URLs in force, the writers with
 * their fingerprints, templates included, the configs folder) and every file the last successful run left (its
 * files, the configs folder's manifest, and the folders they lie in, whose attributes move when a file is added or
 * removed there) are as that run recorded them, the run is "unchanged" without reading or normalizing the catalog
 * ({@link UpToDateRecord}). Anything else runs in full, where {@link ConfigsManifest} still renders only the providers
 * whose own inputs or files changed.
 *
 * <p>Kept beside that manifest, in {@code <state>/generate-configs/<key>.run}. A run with a writer that cannot say
 * what its output depends on (no {@link ToolWriter#fingerprint()}) is never unchanged.
 */
final class ConfigsRunRecord {

    /** Tags of the record's files: catalog files read, config files written, the configs folder's manifest. */
    private static final String CATALOG = "catalog";

    private static final String CONFIG = "config";
    private static final String MANIFEST = "manifest";

    private final Path file;
    private final String settings;

    private ConfigsRunRecord(Path file, String settings) {
        this.file = file;
        this.settings = settings;
    }

    /** The record of runs of this request, with the digest of its settings (null: a writer cannot tell). */
    static ConfigsRunRecord of(Path stateDir, GenerateConfigsRequest request, CatalogFolder catalog)
            throws IOException {
        return new ConfigsRunRecord(
                ConfigsManifest.stateFile(stateDir, catalog.root(), request.outputDir(), ".run"),
                settings(request, catalog));
    }

    /**
     * The last run's result, when nothing it depended on or left has changed: no file written, every file of it
     * unchanged, its providers' summaries. Empty otherwise.
     */
    Optional<GenerateConfigsResult> unchanged() {
        if (settings == null) {
            return Optional.empty();
        }
        Optional<UpToDateRecord.Match> match = UpToDateRecord.check(file, settings);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        List<GenerateConfigsResult.ProviderSummary> summaries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            for (String d : match.get().data()) {
                if (d.startsWith("skipped ")) {
                    skipped.add(d.substring("skipped ".length()));
                } else {
                    String[] p = d.split(" ");
                    if (p.length != 5 || !p[0].equals("provider")) {
                        return Optional.empty();
                    }
                    summaries.add(new GenerateConfigsResult.ProviderSummary(
                            p[1], Integer.parseInt(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4])));
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>(match.get().files(CONFIG));
        files.sort(null);
        return Optional.of(new GenerateConfigsResult(
                summaries, skipped, List.of(), List.copyOf(files), List.of(), List.of(), true));
    }

    /**
     * Starts the record of a full run: drops the old one (the run may leave files it does not describe) and stamps
     * the catalog files before they are read. Null when this run cannot be recorded.
     */
    UpToDateRecord.Builder start(CatalogFolder catalog) throws IOException {
        UpToDateRecord.forget(file);
        if (settings == null) {
            return null;
        }
        UpToDateRecord.Builder b = UpToDateRecord.builder(settings);
        for (Path f : CatalogProviders.files(catalog)) {
            b.input(CATALOG, f);
        }
        return b;
    }

    /**
     * Records a successful full run: its summaries, the files it wrote or found current ({@code files}, with their
     * bytes) or kept ({@code kept}, with their stamps), the configs folder's manifest, and the folders of the files
     * and of every per-model pattern (absent when there is none).
     */
    void record(
            UpToDateRecord.Builder b,
            GenerateConfigsRequest request,
            GenerateConfigsResult result,
            Map<Path, byte[]> files,
            Map<Path, FileStamp> kept) {
        for (GenerateConfigsResult.ProviderSummary s : result.generated()) {
            b.data("provider " + s.provider() + " " + s.models() + " " + s.filtered() + " " + s.fromLiteLlm());
        }
        result.skipped().forEach(s -> b.data("skipped " + s));
        Set<Path> folders = new TreeSet<>();
        folders.add(request.outputDir().toAbsolutePath());
        files.forEach((path, bytes) -> {
            b.output(CONFIG, path, bytes);
            folders.add(path.toAbsolutePath().getParent());
        });
        kept.forEach((path, stamp) -> {
            b.output(CONFIG, path, stamp);
            folders.add(path.toAbsolutePath().getParent());
        });
        Path manifest = request.outputDir().resolve(GeneratedFiles.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                b.output(MANIFEST, manifest, Files.readAllBytes(manifest));
            } catch (IOException e) {
                return; // the record was dropped when the run started: the next run is a full one
            }
        } else {
            b.absent(MANIFEST, manifest);
        }
        for (ToolWriter w : request.writers()) {
            for (String pattern : w.perModelFiles()) {
                Path dir = request.outputDir()
                        .resolve(w.folder())
                        .resolve(pattern)
                        .getParent()
                        .toAbsolutePath();
                if (!Files.isDirectory(dir)) {
                    b.absent(CONFIG, dir);
                } else {
                    folders.add(dir);
                }
            }
        }
        folders.forEach(b::folder);
        b.write(file);
    }

    /** The digest of every setting that decides the run's output; null when a writer cannot tell its own. */
    private static String settings(GenerateConfigsRequest request, CatalogFolder catalog) throws IOException {
        String writers = writers(request.writers());
        if (writers == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(CatalogProviders.fingerprint(request.catalog(), catalog));
        s.append("out ").append(request.outputDir().toAbsolutePath()).append('\n');
        s.append(writers);
        return Sha256.of(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The writers as text that changes whenever one of them does (class, id, folder, per-model patterns,
     * fingerprint), one a line; null when one of them has no fingerprint.
     */
    static String writers(List<ToolWriter> writers) {
        StringBuilder s = new StringBuilder();
        for (ToolWriter w : writers) {
            Optional<String> fingerprint = w.fingerprint();
            if (fingerprint.isEmpty()) {
                return null;
            }
            s.append("writer ")
                    .append(w.getClass().getName())
                    .append(' ')
                    .append(w.id())
                    .append(' ')
                    .append(w.folder())
                    .append(' ')
                    .append(w.perModelFiles())
                    .append(' ')
                    .append(fingerprint.get())
                    .append('\n');
        }
        return s.toString();
    }
}
