package io.modelcatalog.configupdate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.files.FileStamp;
import io.modelcatalog.files.Sha256;
import io.modelcatalog.files.UpToDateRecord;
import io.modelcatalog.toolconfigs.CatalogProviders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rerun check of {@code update-configs}: when the catalog files, every setting that decides the merge (the
 * catalog query's, the strategy, each tool's files and options) and every file the last successful run locked (each
 * tool's config file as the kernel resolves its links, the codex profile files and their manifest: size, times and
 * identity as recorded, else their SHA-256; the files it left absent still absent) are as that run left them, there
 * is nothing to change, and the run neither reads nor merges ({@link UpToDateRecord}). Anything else, or any doubt
 * (a record missing or damaged, a merger that cannot tell its options, a file left alone), runs in full.
 *
 * <p>The record is kept with the plugin's other state, never beside the user's configs:
 * {@code <state>/update-configs/<key>.run}, the key a digest of the catalog folder and the tools' files. It is
 * written only after a run that merged and wrote without error (or found nothing to write), under the files' locks,
 * with each file's stamp taken before it was read (an unchanged file) or right after it was written; a dry run
 * neither uses nor writes it. Notices of that run (legacy profile tables, what codex will refuse, key variables) are
 * kept with it, so a rerun tells them again.
 */
final class UpdateConfigsRunRecord {

    private static final String CATALOG = "catalog";
    private static final String CONFIG = "config";

    /** Notices to and from JSON; configured once here, never changed after (thread-safe). */
    private static final ObjectMapper NOTICES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private final Path file;
    private final String settings;
    /** The catalog as detected for the settings' digest; a full run stamps the same files. */
    private final CatalogFolder catalog;

    private UpdateConfigsRunRecord(Path file, String settings, CatalogFolder catalog) {
        this.file = file;
        this.settings = settings;
        this.catalog = catalog;
    }

    /** The record of this request's runs; null when it has no state folder, is a dry run, or a merger cannot tell. */
    static UpdateConfigsRunRecord of(UpdateConfigsRequest request) throws IOException {
        Path catalogDir = request.catalog().catalogDir();
        if (request.stateDirectory() == null || request.dryRun() || !Files.isDirectory(catalogDir)) {
            return null;
        }
        StringBuilder mergers = new StringBuilder();
        for (ConfigMerger m : request.mergers()) {
            Optional<String> f = m.fingerprint();
            if (f.isEmpty()) {
                return null;
            }
            mergers.append("merger ")
                    .append(m.tool())
                    .append(' ')
                    .append(f.get())
                    .append('\n');
        }
        CatalogFolder catalog = catalogFolder(request);
        String settings = CatalogProviders.fingerprint(request.catalog(), catalog) + "strategy " + request.strategy()
                + "\n" + mergers;
        String key = Sha256.of((catalogDir.toAbsolutePath() + "\n" + mergers).getBytes(StandardCharsets.UTF_8))
                .substring(0, 24);
        return new UpdateConfigsRunRecord(
                request.stateDirectory().resolve("update-configs").resolve(key + ".run"),
                Sha256.of(settings.getBytes(StandardCharsets.UTF_8)),
                catalog);
    }

    private static CatalogFolder catalogFolder(UpdateConfigsRequest request) throws IOException {
        Path dir = request.catalog().catalogDir();
        return request.catalog().layout() == null
                ? CatalogFolder.detect(dir)
                : new CatalogFolder(dir, request.catalog().layout());
    }

    /** The rerun's result when there is nothing to change; empty otherwise. */
    Optional<UpdateConfigsResult> unchanged() {
        Optional<UpToDateRecord.Match> match = UpToDateRecord.check(file, settings);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        List<String> providers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<Path, List<Notice>> notices = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> modelFiles = new TreeMap<>();
        int files = -1;
        try {
            for (String d : match.get().data()) {
                if (d.startsWith("provider ")) {
                    providers.add(d.substring("provider ".length()));
                } else if (d.startsWith("skipped ")) {
                    skipped.add(d.substring("skipped ".length()));
                } else if (d.startsWith("files ")) {
                    files = Integer.parseInt(d.substring("files ".length()));
                } else if (d.startsWith("modelfiles ")) {
                    String[] m = d.split(" ");
                    if (m.length != 4) {
                        return Optional.empty();
                    }
                    modelFiles.computeIfAbsent(m[1], t -> new TreeMap<>()).put(m[2], Integer.parseInt(m[3]));
                } else if (d.startsWith("notice ")) {
                    JsonNode n = JsonDocuments.parse(
                            d.substring("notice ".length()).getBytes(StandardCharsets.UTF_8), file.toString());
                    notices.computeIfAbsent(Path.of(n.path("in").asText()), f -> new ArrayList<>())
                            .add(decode(n));
                } else {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException | JsonProcessingException e) {
            return Optional.empty(); // a record this code cannot read: merge
        }
        if (files < 0 || providers.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (ConfigUpdater.anyLeftover(match.get().files(CONFIG))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new UpdateConfigsResult(
                providers,
                skipped,
                List.of(),
                List.of(),
                null,
                List.of(),
                new UpdateConfigsResult.UpToDate(files, notices, modelFiles)));
    }

    /** Starts the record of a full run: drops the old one, stamps the catalog files before they are read. */
    UpToDateRecord.Builder start() throws IOException {
        UpToDateRecord.forget(file);
        UpToDateRecord.Builder b = UpToDateRecord.builder(settings);
        for (Path f : CatalogProviders.files(catalog)) {
            b.input(CATALOG, f);
        }
        return b;
    }

    /**
     * Records a run that ended without error, under the files' locks: every file as the run left it, the ones it did
     * not change with their attributes from before they were read ({@code before}), what it noticed. A file left
     * alone (written by someone else) means no record: such a run is always merged in full.
     *
     * @param files every locked file
     */
    void record(
            UpToDateRecord.Builder b,
            List<String> providers,
            List<String> skipped,
            Set<Path> files,
            List<FileMerge> merges,
            Map<Path, byte[]> current,
            Map<Path, FileStamp> before)
            throws IOException {
        providers.forEach(p -> b.data("provider " + p));
        skipped.forEach(s -> b.data("skipped " + s));
        b.data("files "
                + merges.stream().filter(m -> !(m instanceof FileMerge.Remove)).count());
        Map<String, Map<String, Integer>> modelFiles = new TreeMap<>();
        for (FileMerge m : merges) {
            if (m.modelOf() != null && !(m instanceof FileMerge.Remove)) {
                modelFiles.computeIfAbsent(m.tool(), t -> new TreeMap<>()).merge(m.modelOf(), 1, Integer::sum);
            }
        }
        modelFiles.forEach((tool, counts) ->
                counts.forEach((provider, n) -> b.data("modelfiles " + tool + " " + provider + " " + n)));
        Set<Path> covered = new LinkedHashSet<>();
        for (FileMerge m : merges) {
            if (m instanceof FileMerge.LeaveAlone) {
                UpToDateRecord.forget(file);
                return;
            }
            covered.add(m.file());
            if (m instanceof FileMerge.Remove) {
                b.absent(CONFIG, m.file());
            } else if (m instanceof FileMerge.Write w && w.changed()) {
                b.output(CONFIG, w.file(), w.after());
            } else {
                b.unchanged(CONFIG, m.file(), before.get(m.file()), m.before());
            }
            for (Notice n : m.notices()) {
                b.data("notice " + encode(m.file(), n));
            }
        }
        for (Path f : files) {
            if (covered.contains(f)) {
                continue;
            }
            byte[] bytes = current.get(f);
            if (bytes == null) {
                b.absent(CONFIG, f);
            } else {
                b.unchanged(CONFIG, f, before.get(f), bytes);
            }
        }
        b.write(file);
    }

    /** A notice as one line of JSON: the file it is about, its kind, its fields (Jackson writes records as is). */
    private static String encode(Path in, Notice n) {
        ObjectNode o = NOTICES.createObjectNode();
        o.put("in", in.toString());
        o.put("kind", n.getClass().getSimpleName());
        o.setAll((ObjectNode) NOTICES.valueToTree(n));
        return o.toString();
    }

    private static Notice decode(JsonNode o) throws JsonProcessingException {
        String kind = o.path("kind").asText();
        for (Class<?> type : Notice.class.getPermittedSubclasses()) {
            if (type.getSimpleName().equals(kind)) {
                return (Notice) NOTICES.treeToValue(((ObjectNode) o.deepCopy()).without(List.of("in", "kind")), type);
            }
        }
        throw new IllegalArgumentException("unknown notice " + kind);
    }
}
