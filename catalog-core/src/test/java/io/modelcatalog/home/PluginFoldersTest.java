package io.modelcatalog.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcatalog.providers.EnvironmentLookup;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginFoldersTest {

    private static final Path USER_HOME = Path.of("/home/account");

    private static PluginFolders with(Map<String, String> env) {
        return PluginFolders.of(EnvironmentLookup.of(env), USER_HOME);
    }

    @Test
    void everyFolderIsUnderHomeWhenItIsSet() {
        PluginFolders f = with(Map.of("HOME", "/tmp/elsewhere/"));
        assertEquals(Path.of("/tmp/elsewhere"), f.home());
        assertEquals(Path.of("/tmp/elsewhere/.cache/model-catalog"), f.responseCache());
        assertEquals(Path.of("/tmp/elsewhere/.cache/model-catalog/backups"), f.backups());
        assertEquals(Path.of("/tmp/elsewhere/.cache/model-catalog/locks"), f.locks());
    }

    @Test
    void xdgCacheHomeMovesThePluginsFolderButNotTheHome() {
        PluginFolders f = with(Map.of("HOME", "/tmp/h", "XDG_CACHE_HOME", "/var/cache/me"));
        assertEquals(Path.of("/tmp/h"), f.home());
        assertEquals(Path.of("/var/cache/me/model-catalog"), f.responseCache());
        assertEquals(Path.of("/var/cache/me/model-catalog/backups"), f.backups());
        assertEquals(Path.of("/var/cache/me/model-catalog/locks"), f.locks());
    }

    @Test
    void unsetBlankOrRelativeValuesFallBack() {
        assertEquals(USER_HOME.resolve(".cache/model-catalog"), with(Map.of()).root());
        assertEquals(USER_HOME, with(Map.of("HOME", " ")).home());
        assertEquals(USER_HOME, with(Map.of("HOME", "relative/home")).home());
        assertEquals(
                Path.of("/tmp/h/.cache/model-catalog"),
                with(Map.of("HOME", "/tmp/h", "XDG_CACHE_HOME", "cache")).root(),
                "a relative XDG_CACHE_HOME is ignored, as the XDG spec says");
    }
}
