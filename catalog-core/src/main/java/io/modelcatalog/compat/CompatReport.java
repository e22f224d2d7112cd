package io.modelcatalog.compat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of comparing a catalog folder with a legacy reference folder: every finding in a stable order
 * (by provider, then json, txt, toml; each provider's comparisons before its folders' consistency checks), and
 * the counts.
 */
public final class CompatReport {

    private final Path output;
    private final Path reference;
    private final List<CompatFinding> findings;
    private final int compared;
    private final int outputFiles;
    private final int referenceFiles;
    private final Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);

    /**
     * Why a comparison proves nothing: a side without any provider file, or two sides without a file in common.
     * A fetch run with no API key set leaves an empty folder, which must not pass as a proof.
     */
    public enum Coverage {
        /** At least one file was found on both sides and compared. */
        COMPARED,
        /** The output folder holds no provider file. */
        OUTPUT_EMPTY,
        /** The reference folder holds no provider file. */
        REFERENCE_EMPTY,
        /** Neither folder holds a provider file. */
        BOTH_EMPTY,
        /** Both hold provider files, but no file is on both sides. */
        NOTHING_IN_COMMON
    }

    CompatReport(
            Path output,
            Path reference,
            List<CompatFinding> findings,
            int compared,
            int outputFiles,
            int referenceFiles) {
        this.output = output;
        this.compared = compared;
        this.outputFiles = outputFiles;
        this.referenceFiles = referenceFiles;
        this.reference = reference;
        this.findings = List.copyOf(findings);
        for (FindingKind k : FindingKind.values()) {
            counts.put(k, 0);
        }
        for (CompatFinding f : this.findings) {
            counts.merge(f.kind(), 1, Integer::sum);
        }
    }

    public Path output() {
        return output;
    }

    public Path reference() {
        return reference;
    }

    public List<CompatFinding> findings() {
        return findings;
    }

    public int count(FindingKind kind) {
        return counts.get(kind);
    }

    /** Findings that fail the build unless differences are tolerated. */
    public List<CompatFinding> differences() {
        return findings.stream().filter(CompatFinding::isDifference).toList();
    }

    /** Files present on one side only, and incomplete provider sets: reported, never failing. */
    public List<CompatFinding> strays() {
        return findings.stream().filter(CompatFinding::isStray).toList();
    }

    public boolean hasDifferences() {
        return findings.stream().anyMatch(CompatFinding::isDifference);
    }

    /** Files found on both sides and compared. */
    public int compared() {
        return compared;
    }

    /** Provider files ({@code models_<p>.json/.txt/.toml}) in the output folder. */
    public int outputFiles() {
        return outputFiles;
    }

    /** Provider files in the reference folder. */
    public int referenceFiles() {
        return referenceFiles;
    }

    /** Whether anything was compared, and if not, which side is empty. */
    public Coverage coverage() {
        if (outputFiles == 0 && referenceFiles == 0) {
            return Coverage.BOTH_EMPTY;
        }
        if (outputFiles == 0) {
            return Coverage.OUTPUT_EMPTY;
        }
        if (referenceFiles == 0) {
            return Coverage.REFERENCE_EMPTY;
        }
        return compared == 0 ? Coverage.NOTHING_IN_COMMON : Coverage.COMPARED;
    }

    /**
     * When nothing was compared: which side is empty and why that usually happens, in one sentence; empty when
     * files were compared. A comparison of nothing is no proof, so callers fail on it.
     */
    public Optional<String> nothingCompared() {
        String files = "no models_<p>.json, .txt or .toml file";
        return switch (coverage()) {
            case COMPARED -> Optional.empty();
            case OUTPUT_EMPTY ->
                Optional.of("the output folder " + output + " holds " + files + " (the reference folder "
                        + "holds " + referenceFiles + "): a fetch with no API key set leaves it empty, or it is not "
                        + "the catalog folder");
            case REFERENCE_EMPTY ->
                Optional.of("the reference folder " + reference + " holds " + files + " (the output folder " + "holds "
                        + outputFiles + "): it is not a legacy dump folder");
            case BOTH_EMPTY ->
                Optional.of("neither the output folder " + output + " nor the reference folder " + reference
                        + " holds a models_<p>.json, .txt or .toml file: a fetch with no API key set leaves a folder "
                        + "empty, or these are not the folders meant");
            case NOTHING_IN_COMMON ->
                Optional.of("the output folder " + output + " (" + outputFiles + " files) and the reference "
                        + "folder " + reference + " (" + referenceFiles + " files) have no provider file in common: "
                        + "they hold different providers, or one is not the folder meant");
        };
    }

    /** One line with every count. */
    public String summary() {
        return compared() + " files compared: " + count(FindingKind.IDENTICAL) + " identical, "
                + count(FindingKind.FORMATTING) + " same data with different bytes, "
                + count(FindingKind.DATA) + " different data, "
                + count(FindingKind.UNREADABLE) + " unreadable; "
                + strays().size() + " strays (" + count(FindingKind.ONLY_IN_OUTPUT) + " only in output, "
                + count(FindingKind.ONLY_IN_REFERENCE) + " only in reference, "
                + count(FindingKind.INCOMPLETE_SET) + " incomplete sets); consistency checks: "
                + count(FindingKind.CONSISTENT) + " passed, " + count(FindingKind.INCONSISTENT) + " failed";
    }
}
