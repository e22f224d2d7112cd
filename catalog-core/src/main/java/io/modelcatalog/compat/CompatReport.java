package io.modelcatalog.compat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    private final Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);

    CompatReport(Path output, Path reference, List<CompatFinding> findings, int compared) {
        this.output = output;
        this.compared = compared;
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
