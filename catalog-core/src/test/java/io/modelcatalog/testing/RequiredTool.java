package io.modelcatalog.testing;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a check needs and this project does not hold (the codex and OpenCode CLIs, headless Chromium, the legacy
 * script with its Python): on a developer's machine a missing one skips the check, saying why and how to install
 * it; in CI ({@code CI=true}) it fails the check, so that a green CI always means the check ran.
 */
public final class RequiredTool {

    /** The environment variable CI systems set to {@code true}. */
    public static final String CI = "CI";

    private RequiredTool() {}

    /**
     * Returns when the tool was found; else skips the calling test (or, from a {@code @BeforeAll}, its class) or, in
     * CI, fails it.
     *
     * @param tool     what is needed, for the message ({@code the codex CLI})
     * @param missing  empty when the tool was found; else what was looked for and not found
     * @param install  the command (or setting) that provides it ({@code .ci/install-tools})
     */
    public static void require(String tool, Optional<String> missing, String install) {
        require(tool, missing, install, System.getenv(CI));
    }

    static void require(String tool, Optional<String> missing, String install, String ci) {
        if (missing.isEmpty()) {
            return;
        }
        String why = tool + " is missing: " + missing.get() + ". Install it with " + install;
        if ("true".equalsIgnoreCase(ci)) {
            Assertions.fail(why + " (CI=true: a check whose tool is missing fails, it does not skip)");
        }
        // printed as well: Surefire's and Failsafe's console shows a skip without its reason
        System.out.println("Skipped, " + why + " (in CI, with CI=true, this fails)");
        Assumptions.abort(why);
    }
}
