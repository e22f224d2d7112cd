package io.modelcatalog.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FileType;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.legacy.LegacyProfileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Proves that a catalog folder holds what a legacy {@code dump_models.py} folder holds. For every
 * {@code models_<p>.json/.txt/.toml} file: identical bytes; or the same data in different bytes (the first place,
 * and what kind of formatting differs); or different data (the first differing JSON path, TOML key or txt line,
 * with both values); or a file on one side only (a stray). Each folder's own consistency is checked too: the txt
 * ids against the json, and the toml profiles against the txt under the legacy naming rule.
 *
 * <p>Only {@code models_*} files are compared: {@code failed_models.json} carries run times and
 * {@code chutes_chutes.json} is a by-product. Stateless and thread-safe; files are read one provider at a time.
 */
public final class CompatVerifier {

    static final String OUTPUT = "output";
    static final String REFERENCE = "reference";

    private final CompatOptions options;

    public CompatVerifier(CompatOptions options) {
        this.options = options;
    }

    /**
     * Compares the catalog folder {@code output} with the legacy folder {@code reference}.
     *
     * @throws NoSuchFileException when either is not a folder
     * @throws IOException         when a file cannot be read
     */
    public CompatReport verify(Path output, Path reference) throws IOException {
        requireFolder(output, OUTPUT);
        requireFolder(reference, REFERENCE);
        CatalogFileSet out = CatalogFileSet.scan(output);
        CatalogFileSet ref = CatalogFileSet.scan(reference);
        TreeSet<String> providers = new TreeSet<>();
        out.providers().forEach(providers::add);
        ref.providers().forEach(providers::add);

        List<CompatFinding> findings = new ArrayList<>();
        int compared = 0;
        for (String provider : providers) {
            Side o = new Side(out, OUTPUT, provider, findings);
            Side r = new Side(ref, REFERENCE, provider, findings);
            for (FileType type : FileType.values()) {
                boolean inOut = o.has(type);
                boolean inRef = r.has(type);
                if (inOut && inRef) {
                    compared++;
                    compare(provider, type, r, o, findings);
                } else if (inOut) {
                    findings.add(new CompatFinding(
                            FindingKind.ONLY_IN_OUTPUT,
                            provider,
                            o.display(type),
                            o.display(type) + ": only in the output folder"));
                } else if (inRef) {
                    findings.add(new CompatFinding(
                            FindingKind.ONLY_IN_REFERENCE,
                            provider,
                            r.display(type),
                            r.display(type) + ": only in the reference folder"));
                }
            }
            checkConsistency(o, findings);
            checkConsistency(r, findings);
        }
        return new CompatReport(output, reference, findings, compared, out.fileCount(), ref.fileCount());
    }

    private static void requireFolder(Path dir, String side) throws NoSuchFileException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(
                    dir.toString(), null, "the " + side + " folder does not exist or is not a folder");
        }
    }

    private void compare(String provider, FileType type, Side ref, Side out, List<CompatFinding> findings)
            throws IOException {
        String name = CatalogLayout.fileName(provider, type);
        byte[] r = ref.bytes(type);
        byte[] o = out.bytes(type);
        if (type == FileType.TOML && options.ignoreBaseUrl()) {
            r = LegacyFiles.maskBaseUrl(r);
            o = LegacyFiles.maskBaseUrl(o);
        }
        if (Arrays.equals(r, o)) {
            findings.add(new CompatFinding(FindingKind.IDENTICAL, provider, name, name + ": identical"));
            return;
        }
        Optional<String> dataDifference;
        String location = null;
        Optional<String> keyOrder = Optional.empty();
        switch (type) {
            case JSON -> {
                Optional<JsonNode> rj = ref.json();
                Optional<JsonNode> oj = out.json();
                if (rj.isEmpty() || oj.isEmpty()) {
                    return; // reported as unreadable
                }
                TreeDiff diff = new TreeDiff(TreeDiff.PathStyle.JSON);
                Optional<TreeDiff.Difference> d = diff.firstDataDifference(rj.get(), oj.get());
                location = d.map(TreeDiff.Difference::path).orElse(null);
                dataDifference = d.map(CompatVerifier::describe);
                if (dataDifference.isEmpty()) {
                    keyOrder = diff.firstKeyOrderDifference(rj.get(), oj.get());
                }
            }
            case TOML -> {
                Optional<ObjectNode> rt = ref.toml();
                Optional<ObjectNode> ot = out.toml();
                if (rt.isEmpty() || ot.isEmpty()) {
                    return;
                }
                ObjectNode rd = rt.get().deepCopy();
                ObjectNode od = ot.get().deepCopy();
                if (options.ignoreBaseUrl()) {
                    LegacyFiles.removeBaseUrl(rd);
                    LegacyFiles.removeBaseUrl(od);
                }
                TreeDiff diff = new TreeDiff(TreeDiff.PathStyle.TOML);
                Optional<TreeDiff.Difference> d = diff.firstDataDifference(rd, od);
                location = d.map(TreeDiff.Difference::path).orElse(null);
                dataDifference = d.map(CompatVerifier::describe);
                if (dataDifference.isEmpty()) {
                    keyOrder = diff.firstKeyOrderDifference(rd, od);
                }
            }
            default -> {
                Optional<List<String>> rl = ref.txt();
                Optional<List<String>> ol = out.txt();
                if (rl.isEmpty() || ol.isEmpty()) {
                    return;
                }
                dataDifference = firstLineDifference(rl.get(), ol.get());
            }
        }
        if (dataDifference.isPresent()) {
            findings.add(new CompatFinding(
                    FindingKind.DATA, provider, name, name + ": different data at " + dataDifference.get(), location));
        } else {
            findings.add(new CompatFinding(
                    FindingKind.FORMATTING,
                    provider,
                    name,
                    name + ": same data, different bytes: "
                            + keyOrder.map(k -> k + "; first byte difference at ")
                                    .orElse("first at ")
                            + ByteDifference.describe(r, o)));
        }
    }

    private static String describe(TreeDiff.Difference d) {
        return (d.path().isEmpty() ? "the document" : d.path()) + ": reference " + d.reference() + ", output "
                + d.output();
    }

    private static Optional<String> firstLineDifference(List<String> ref, List<String> out) {
        int common = Math.min(ref.size(), out.size());
        for (int i = 0; i < common; i++) {
            if (!ref.get(i).equals(out.get(i))) {
                return Optional.of("line " + (i + 1) + ": reference `" + ref.get(i) + "`, output `" + out.get(i) + "`");
            }
        }
        if (ref.size() == out.size()) {
            return Optional.empty();
        }
        String r = ref.size() > common ? "`" + ref.get(common) + "`" : "absent (" + ref.size() + " lines)";
        String o = out.size() > common ? "`" + out.get(common) + "`" : "absent (" + out.size() + " lines)";
        return Optional.of("line " + (common + 1) + ": reference " + r + ", output " + o);
    }

    /** The folder's own files for one provider: txt against json, toml against txt. */
    private static void checkConsistency(Side side, List<CompatFinding> findings) throws IOException {
        String p = side.provider;
        List<FileType> present = new ArrayList<>();
        List<FileType> missing = new ArrayList<>();
        for (FileType t : FileType.values()) {
            (side.has(t) ? present : missing).add(t);
        }
        if (present.isEmpty()) {
            return;
        }
        if (!missing.isEmpty()) {
            findings.add(new CompatFinding(
                    FindingKind.INCOMPLETE_SET,
                    p,
                    side.display(present.get(0)),
                    side.label + " folder: " + names(side, present) + " without " + names(p, missing)
                            + ": not a complete provider set (a hand-made or leftover file?)"
                            + (present.size() > 1
                                    ? "; only the files present are checked against each other"
                                    : "; not checked for consistency")));
        }
        if (side.has(FileType.JSON) && side.has(FileType.TXT)) {
            checkTxtAgainstJson(side, findings);
        }
        if (side.has(FileType.TXT) && side.has(FileType.TOML)) {
            checkTomlAgainstTxt(side, findings);
        }
    }

    private static void checkTxtAgainstJson(Side side, List<CompatFinding> findings) throws IOException {
        Optional<JsonNode> json = side.json();
        Optional<List<String>> txt = side.txt();
        if (json.isEmpty() || txt.isEmpty()) {
            return;
        }
        String txtName = side.display(FileType.TXT);
        String jsonName = side.display(FileType.JSON);
        List<String> ids = ModelList.of(json.get()).ids();
        List<String> lines = txt.get();
        int common = Math.min(ids.size(), lines.size());
        String problem = null;
        for (int i = 0; i < common && problem == null; i++) {
            if (!ids.get(i).equals(lines.get(i))) {
                problem = "line " + (i + 1) + " is `" + lines.get(i) + "`, the json's id there is `" + ids.get(i) + "`";
            }
        }
        if (problem == null && ids.size() != lines.size()) {
            problem = "it has " + lines.size() + " ids, the json " + ids.size() + "; first unmatched: line "
                    + (common + 1) + " "
                    + (lines.size() > common
                            ? "`" + lines.get(common) + "` (txt)"
                            : "`" + ids.get(common) + "` (json)");
        }
        if (problem != null) {
            findings.add(new CompatFinding(
                    FindingKind.INCONSISTENT,
                    side.provider,
                    txtName,
                    side.label + " folder: " + txtName + " does not match the ids of " + jsonName + ": " + problem));
        } else {
            findings.add(new CompatFinding(
                    FindingKind.CONSISTENT,
                    side.provider,
                    txtName,
                    side.label + " folder: " + txtName + " matches the " + ids.size() + " ids of " + jsonName));
        }
    }

    private static void checkTomlAgainstTxt(Side side, List<CompatFinding> findings) throws IOException {
        Optional<ObjectNode> toml = side.toml();
        Optional<List<String>> txt = side.txt();
        if (toml.isEmpty() || txt.isEmpty()) {
            return;
        }
        String p = side.provider;
        String tomlName = side.display(FileType.TOML);
        String txtName = side.display(FileType.TXT);
        // the legacy rule: one table per profile name, at the first id's position, holding the last id's values
        Map<String, String> expected = new LinkedHashMap<>();
        for (String id : txt.get()) {
            expected.put(LegacyProfileNames.profileName(p, id), id);
        }
        String problem = null;
        JsonNode providerTable = toml.get().path("model_providers").path(p);
        if (!providerTable.isObject()) {
            problem = "it has no [model_providers." + p + "] table";
        } else if (!p.equals(providerTable.path("name").asText(null))) {
            problem = "[model_providers." + p + "] has name " + providerTable.path("name") + ", expected \"" + p + "\"";
        }
        ObjectNode profiles = LegacyFiles.profiles(toml.get()).orElse(null);
        List<String> actual = new ArrayList<>();
        if (profiles != null) {
            profiles.fieldNames().forEachRemaining(actual::add);
        }
        List<String> names = new ArrayList<>(expected.keySet());
        for (int i = 0; problem == null && i < Math.min(names.size(), actual.size()); i++) {
            if (!names.get(i).equals(actual.get(i))) {
                problem = "profile table " + (i + 1) + " is [profiles." + actual.get(i) + "], the txt gives [profiles."
                        + names.get(i) + "] (id `" + expected.get(names.get(i)) + "`)";
            }
        }
        if (problem == null && names.size() != actual.size()) {
            int i = Math.min(names.size(), actual.size());
            problem = "it has " + actual.size() + " profile tables, the txt's "
                    + txt.get().size() + " ids give "
                    + names.size() + "; first unmatched: "
                    + (actual.size() > i
                            ? "[profiles." + actual.get(i) + "] (toml)"
                            : "[profiles." + names.get(i) + "] (id `" + expected.get(names.get(i)) + "`)");
        }
        if (problem == null) {
            for (Iterator<Map.Entry<String, String>> it = expected.entrySet().iterator();
                    it.hasNext() && problem == null; ) {
                Map.Entry<String, String> e = it.next();
                JsonNode table = profiles.get(e.getKey());
                if (!e.getValue().equals(table.path("model").asText(null))) {
                    problem = "[profiles." + e.getKey() + "] has model " + table.path("model") + ", the txt gives `"
                            + e.getValue() + "`";
                } else if (!p.equals(table.path("model_provider").asText(null))) {
                    problem = "[profiles." + e.getKey() + "] has model_provider " + table.path("model_provider")
                            + ", expected \"" + p + "\"";
                }
            }
        }
        if (problem != null) {
            findings.add(new CompatFinding(
                    FindingKind.INCONSISTENT,
                    p,
                    tomlName,
                    side.label + " folder: " + tomlName + " does not match " + txtName
                            + " under the legacy profile naming: " + problem));
        } else {
            findings.add(new CompatFinding(
                    FindingKind.CONSISTENT,
                    p,
                    tomlName,
                    side.label + " folder: " + tomlName
                            + " has the " + names.size() + " profiles that the "
                            + txt.get().size() + " ids of " + txtName
                            + " give"));
        }
    }

    private static String names(Side side, List<FileType> types) {
        return String.join(", ", types.stream().map(side::display).toList());
    }

    private static String names(String provider, List<FileType> types) {
        return String.join(
                " and ",
                types.stream().map(t -> CatalogLayout.fileName(provider, t)).toList());
    }

    /**
     * One folder's files for one provider, each read and parsed at most once; a file that cannot be parsed is
     * reported once, as unreadable.
     */
    private static final class Side {
        private final CatalogFileSet set;
        private final String label;
        private final String provider;
        private final List<CompatFinding> findings;
        private final Map<FileType, Path> files;
        private final Map<FileType, byte[]> bytes = new EnumMap<>(FileType.class);
        private final Map<FileType, Optional<?>> parsed = new EnumMap<>(FileType.class);

        Side(CatalogFileSet set, String label, String provider, List<CompatFinding> findings) {
            this.set = set;
            this.label = label;
            this.provider = provider;
            this.findings = findings;
            this.files = set.files(provider);
        }

        boolean has(FileType t) {
            return files.containsKey(t);
        }

        String display(FileType t) {
            return set.display(files.get(t));
        }

        byte[] bytes(FileType t) throws IOException {
            byte[] b = bytes.get(t);
            if (b == null) {
                b = Files.readAllBytes(files.get(t));
                bytes.put(t, b);
            }
            return b;
        }

        Optional<JsonNode> json() throws IOException {
            return parse(FileType.JSON, JsonNode.class);
        }

        Optional<ObjectNode> toml() throws IOException {
            return parse(FileType.TOML, ObjectNode.class);
        }

        @SuppressWarnings("unchecked")
        Optional<List<String>> txt() throws IOException {
            return (Optional<List<String>>) (Optional<?>) parse(FileType.TXT, List.class);
        }

        private <T> Optional<T> parse(FileType t, Class<T> type) throws IOException {
            Optional<?> done = parsed.get(t);
            if (done == null) {
                byte[] b = bytes(t);
                String source = files.get(t).toString();
                try {
                    done = switch (t) {
                        case JSON -> Optional.of(LegacyFiles.json(b, source));
                        case TOML -> Optional.of(LegacyFiles.toml(b, source));
                        case TXT -> Optional.of(LegacyFiles.txt(b, source));
                    };
                } catch (LegacyFiles.UnreadableException e) {
                    done = Optional.empty();
                    findings.add(new CompatFinding(
                            FindingKind.UNREADABLE, provider, display(t), label + " folder: " + e.getMessage()));
                }
                parsed.put(t, done);
            }
            return done.map(type::cast);
        }
    }
}
