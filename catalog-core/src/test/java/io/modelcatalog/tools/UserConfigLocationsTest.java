package io.modelcatalog.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configupdate.CodexManagedProfiles;
import io.modelcatalog.providers.EnvironmentLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each tool's config found as the tool finds it: given path, then variables, then the default under the home. */
class UserConfigLocationsTest {

    @TempDir
    Path home;

    private UserConfigLocations with(Map<String, String> env) {
        return new UserConfigLocations(EnvironmentLookup.of(env), home);
    }

    @Test
    void defaultsAreUnderTheHomeFolder() {
        UserConfigLocations l = with(Map.of());
        assertEquals(home.resolve(".config/aichat/config.yaml"), l.aichatConfig());
        assertEquals(home.resolve(".config/mods/mods.yml"), l.modsConfig());
        assertEquals(home.resolve(".codex"), l.codexHome());
        assertEquals(home.resolve(".codex/config.toml"), l.codexConfig());
        assertEquals(home.resolve(".config/opencode/opencode.json"), l.opencodeConfig());
        for (Tool tool : Tool.values()) {
            assertEquals(UserConfigLocations.FoundBy.DEFAULT, l.locate(tool).foundBy(), tool.id());
        }
    }

    @Test
    void aichatReadsItsFileVariableThenItsFolderVariable() {
        Path file = home.resolve("elsewhere/aichat.yaml");
        Path dir = home.resolve("aichat-dir");
        assertEquals(
                new UserConfigLocations.Location(file, new UserConfigLocations.FoundBy.Variable("AICHAT_CONFIG_FILE")),
                with(Map.of("AICHAT_CONFIG_FILE", file.toString(), "AICHAT_CONFIG_DIR", dir.toString()))
                        .locate(Tool.AICHAT));
        assertEquals(
                new UserConfigLocations.Location(
                        dir.resolve("config.yaml"), new UserConfigLocations.FoundBy.Variable("AICHAT_CONFIG_DIR")),
                with(Map.of("AICHAT_CONFIG_DIR", dir.toString())).locate(Tool.AICHAT));
        assertEquals(
                home.resolve(".config/aichat/config.yaml"),
                with(Map.of("AICHAT_CONFIG_FILE", " ")).aichatConfig(),
                "a blank variable counts as unset");
    }

    @Test
    void anAbsoluteXdgConfigHomeMovesAichatModsAndOpencodeButNotCodex() {
        Path xdg = home.resolve("xdg");
        UserConfigLocations l = with(Map.of("XDG_CONFIG_HOME", xdg.toString()));
        assertEquals(xdg.resolve("aichat/config.yaml"), l.aichatConfig());
        assertEquals(xdg.resolve("mods/mods.yml"), l.modsConfig());
        assertEquals(xdg.resolve("opencode/opencode.json"), l.opencodeConfig());
        assertEquals(home.resolve(".codex/config.toml"), l.codexConfig());
        assertEquals(
                new UserConfigLocations.FoundBy.Variable("XDG_CONFIG_HOME"),
                l.locate(Tool.MODS).foundBy());
        assertEquals(
                home.resolve(".config/mods/mods.yml"),
                with(Map.of("XDG_CONFIG_HOME", "relative/xdg")).modsConfig(),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG spec says");
    }

    @Test
    void codexHomeComesFromCodexHome() {
        Path codexHome = home.resolve("my-codex");
        UserConfigLocations l = with(Map.of("CODEX_HOME", codexHome.toString()));
        assertEquals(codexHome, l.codexHome());
        assertEquals(
                new UserConfigLocations.Location(
                        codexHome.resolve("config.toml"), new UserConfigLocations.FoundBy.Variable("CODEX_HOME")),
                l.locate(Tool.CODEX));
    }

    @Test
    void opencodeReadsItsVariableThenJsonThenJsonc() throws IOException {
        Path custom = home.resolve("oc.json");
        assertEquals(custom, with(Map.of("OPENCODE_CONFIG", custom.toString())).opencodeConfig());
        Path dir = home.resolve(".config/opencode");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("opencode.jsonc"), "{}");
        assertEquals(dir.resolve("opencode.jsonc"), with(Map.of()).opencodeConfig(), "only the .jsonc exists");
        Files.writeString(dir.resolve("opencode.json"), "{}");
        assertEquals(dir.resolve("opencode.json"), with(Map.of()).opencodeConfig(), "both exist: the .json");
    }

    @Test
    void aGivenPathWinsOverEveryVariable() {
        Map<String, String> env = Map.of(
                "AICHAT_CONFIG_FILE", "/a", "CODEX_HOME", "/c", "OPENCODE_CONFIG", "/o", "XDG_CONFIG_HOME", "/x");
        UserConfigLocations l = with(env)
                .withGiven(Tool.AICHAT, home.resolve("given/a.yaml"))
                .withGiven(Tool.MODS, home.resolve("given/m.yml"))
                .withGiven(Tool.CODEX, home.resolve("given/codex"))
                .withGiven(Tool.OPENCODE, home.resolve("given/o.json"));
        assertEquals(home.resolve("given/a.yaml"), l.aichatConfig());
        assertEquals(home.resolve("given/m.yml"), l.modsConfig());
        assertEquals(home.resolve("given/codex/config.toml"), l.codexConfig());
        assertEquals(home.resolve("given/o.json"), l.opencodeConfig());
        for (Tool tool : Tool.values()) {
            assertEquals(UserConfigLocations.FoundBy.GIVEN, l.locate(tool).foundBy(), tool.id());
        }
        assertEquals(Path.of("/a"), l.withGiven(Tool.AICHAT, null).aichatConfig());
    }

    @Test
    void theHomeFolderIsHomeThenUserHome() {
        assertEquals(home, UserConfigLocations.homeFolder(EnvironmentLookup.of(Map.of("HOME", home.toString()))));
        assertEquals(
                Path.of(System.getProperty("user.home")).toAbsolutePath().normalize(),
                UserConfigLocations.homeFolder(EnvironmentLookup.of(Map.of())));
    }

    @Test
    void codexFilesAreConfigTheManifestAndTheProfilesItLists() throws IOException {
        Path codexHome = home.resolve(".codex");
        Files.createDirectories(codexHome);
        UserConfigLocations l = with(Map.of());
        assertEquals(
                List.of(codexHome.resolve("config.toml"), codexHome.resolve(CodexManagedProfiles.MANIFEST_NAME)),
                l.filesOf(Tool.CODEX));
        Files.write(
                CodexManagedProfiles.manifest(codexHome),
                CodexManagedProfiles.toBytes(List.of("groq-b.config.toml", "groq-a.config.toml")));
        assertEquals(
                List.of(
                        codexHome.resolve("config.toml"),
                        codexHome.resolve(CodexManagedProfiles.MANIFEST_NAME),
                        codexHome.resolve("groq-a.config.toml"),
                        codexHome.resolve("groq-b.config.toml")),
                l.filesOf(Tool.CODEX));
        assertEquals(List.of(home.resolve(".config/mods/mods.yml")), l.filesOf(Tool.MODS));
    }

    @Test
    void belongsToRecognisesEachToolsFiles() {
        UserConfigLocations l = with(Map.of());
        Path codexHome = home.resolve(".codex");
        assertTrue(l.belongsTo(Tool.AICHAT, home.resolve(".config/aichat/config.yaml")));
        assertFalse(l.belongsTo(Tool.AICHAT, home.resolve(".config/mods/mods.yml")));
        assertTrue(l.belongsTo(Tool.CODEX, codexHome.resolve("config.toml")));
        assertTrue(l.belongsTo(Tool.CODEX, codexHome.resolve("x.config.toml")));
        assertTrue(l.belongsTo(Tool.CODEX, codexHome.resolve(CodexManagedProfiles.MANIFEST_NAME)));
        assertFalse(l.belongsTo(Tool.CODEX, codexHome.resolve("auth.json")));
        assertTrue(l.belongsTo(Tool.OPENCODE, home.resolve(".config/opencode/opencode.jsonc")));
        assertTrue(l.belongsTo(Tool.OPENCODE, home.resolve(".config/opencode/opencode.json")));
    }

    @Test
    void toolNamesParse() {
        assertEquals(Set.of(Tool.values()), Tool.parse(List.of()));
        assertEquals(Set.of(Tool.AICHAT, Tool.OPENCODE), Tool.parse(List.of("aichat", " OpenCode")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tool.parse(List.of("vim")));
        assertEquals("unknown tool 'vim'; use one of aichat, codex, mods, opencode", e.getMessage());
    }
}
