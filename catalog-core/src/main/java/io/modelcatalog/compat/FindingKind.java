package io.modelcatalog.compat;

/** What {@code verify-compat} found about one file or one provider's set of files. */
public enum FindingKind {
    /** Same bytes on both sides. */
    IDENTICAL(Severity.INFO),
    /** Same data, different bytes: the message names the first place and what kind of formatting differs. */
    FORMATTING(Severity.DIFFERENCE),
    /** Different data: the message names the first differing JSON path, TOML key or txt line, and both values. */
    DATA(Severity.DIFFERENCE),
    /** A file that cannot be parsed: the message names its path, line and column. */
    UNREADABLE(Severity.DIFFERENCE),
    /** A folder's own files disagree: txt ids against the json, or toml profiles against the txt. */
    INCONSISTENT(Severity.DIFFERENCE),
    /** A folder's own files agree. */
    CONSISTENT(Severity.INFO),
    /** A file only the output folder has. */
    ONLY_IN_OUTPUT(Severity.STRAY),
    /** A file only the reference folder has. */
    ONLY_IN_REFERENCE(Severity.STRAY),
    /** A provider without all three files in a folder (a hand-made extra, a txt-only leftover): not checked. */
    INCOMPLETE_SET(Severity.STRAY);

    /** How a finding counts: information, a stray (a warning), or a difference (fails the build by default). */
    public enum Severity {
        INFO,
        STRAY,
        DIFFERENCE
    }

    private final Severity severity;

    FindingKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
