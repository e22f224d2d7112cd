package io.modelcatalog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configupdate.ConfigMerger;
import io.modelcatalog.providers.EnvironmentLookup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One identity per tool: its id, the writer of its generated files and the merger of its user's config at its location. */
class ToolTest {

    @TempDir
    Path home;

    @Test
    void eachToolsWriterAndMergerCarryItsIdAndTheMergerEditsTheLocatedFile() {
        UserConfigLocations l = new UserConfigLocations(EnvironmentLookup.of(Map.of()), home)
                .withGiven(Tool.AICHAT, home.resolve("a/config.yaml"))
                .withGiven(Tool.CODEX, home.resolve("c"));
        for (Tool tool : Tool.values()) {
            assertEquals(tool.id(), tool.writer().id());
            ConfigMerger merger = tool.merger(l, false);
            assertEquals(tool.id(), merger.tool());
            assertEquals(l.locate(tool).file(), merger.files(List.of()).get(0), tool.id());
        }
        assertEquals(
                home.resolve("a/config.yaml"),
                Tool.AICHAT.merger(l, false).files(List.of()).get(0));
        assertEquals(
                home.resolve("c/config.toml"),
                Tool.CODEX.merger(l, true).files(List.of()).get(0));
    }

    @Test
    void onlyCodexIsGivenAsAFolder() {
        for (Tool tool : Tool.values()) {
            assertEquals(tool == Tool.CODEX, tool.givenAsFolder(), tool.id());
        }
        assertTrue(Tool.CODEX.givenAsFolder());
        assertFalse(Tool.MODS.givenAsFolder());
    }
}
