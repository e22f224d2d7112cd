package io.modelcatalog.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredToolTest {

    private static final Optional<String> MISSING = Optional.of(".tools/node_modules/.bin/codex does not exist");

    @Test
    void aToolThatIsThereIsNoMatterEvenInCi() {
        RequiredTool.require("the codex CLI", Optional.empty(), ".ci/install-tools", "true");
        RequiredTool.require("the codex CLI", Optional.empty(), ".ci/install-tools", null);
    }

    @Test
    void inCiAMissingToolFailsTheCheckNamingTheInstallCommand() {
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> RequiredTool.require("the codex CLI", MISSING, ".ci/install-tools", "true"));
        assertEquals(
                "the codex CLI is missing: .tools/node_modules/.bin/codex does not exist. Install it with"
                        + " .ci/install-tools (CI=true: a check whose tool is missing fails, it does not skip)",
                e.getMessage());
        assertThrows(
                AssertionError.class,
                () -> RequiredTool.require("the codex CLI", MISSING, ".ci/install-tools", "TRUE"));
    }

    @Test
    void onADevelopersMachineAMissingToolSkipsTheCheckSayingWhy() {
        for (String ci : new String[] {null, "", "false"}) {
            RuntimeException e = assertThrows(
                    RuntimeException.class,
                    () -> RequiredTool.require("the codex CLI", MISSING, ".ci/install-tools", ci));
            // JUnit reports a test that threw this as skipped (aborted), not failed
            assertEquals("org.opentest4j.TestAbortedException", e.getClass().getName());
            assertEquals(
                    "the codex CLI is missing: .tools/node_modules/.bin/codex does not exist. Install it with"
                            + " .ci/install-tools",
                    e.getMessage(),
                    "CI=" + ci);
        }
    }
}
