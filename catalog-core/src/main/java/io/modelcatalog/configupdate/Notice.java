package io.modelcatalog.configupdate;

import java.nio.file.Path;

/** Something a user should know about their files that the update does not change. */
public sealed interface Notice {

    /**
     * A {@code [profiles.<name>]} table in codex's {@code config.toml}: the legacy layout, with which
     * {@code codex --profile <name>} fails today. Left alone; codex reads profiles from
     * {@code <codex home>/<name>.config.toml} now.
     *
     * @param line     1-based line of the table's header
     * @param model    its {@code model}, or null
     * @param provider its {@code model_provider}, or null
     */
    record LegacyProfileTable(Path file, int line, String profile, String model, String provider) implements Notice {}

    /** A profile file that this tool would write exists and was not written by it: left alone. */
    record ForeignProfileFile(Path file) implements Notice {}

    /**
     * aichat reads a client's key from {@code <NAME>_API_KEY}; this provider's key is in another variable.
     *
     * @param toolVariable     what aichat reads
     * @param providerVariable where the key is
     */
    record KeyVariable(String provider, String toolVariable, String providerVariable) implements Notice {}

    /**
     * Content of the user's own in codex's {@code config.toml} that the pinned codex refuses to load: codex fails
     * at start until it is fixed. Left alone.
     *
     * @param line         1-based line
     * @param problem      what codex objects to, in its words where it has them
     * @param remedy       what to do
     * @param codexVersion the codex version that was checked to refuse it
     */
    record CodexRefusal(Path file, int line, String problem, String remedy, String codexVersion) implements Notice {}

    /** A profile file written from a legacy {@code [profiles.*]} table, which left config.toml. */
    record MovedProfileTable(Path file) implements Notice {}
}
