package io.modelcatalog.configupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.configediting.ConfigEditException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexManagedProfilesTest {

    @TempDir
    Path codexHome;

    @Test
    void noManifestMeansNoManagedProfiles() throws IOException {
        assertEquals(List.of(), CodexManagedProfiles.read(codexHome));
    }

    @Test
    void writtenNamesReadBackSortedAndOnce() throws IOException {
        byte[] bytes = CodexManagedProfiles.toBytes(List.of("b.config.toml", "a.config.toml", "b.config.toml"));
        assertEquals(
                "{\n  \"profiles\" : [ \"a.config.toml\", \"b.config.toml\" ]\n}\n",
                new String(bytes, StandardCharsets.UTF_8));
        Files.write(CodexManagedProfiles.manifest(codexHome), bytes);
        assertEquals(
                List.of(codexHome.resolve("a.config.toml"), codexHome.resolve("b.config.toml")),
                CodexManagedProfiles.read(codexHome));
    }

    @Test
    void aBrokenManifestOrAnEntryThatIsNoProfileFileIsAnErrorNamingTheFile() throws IOException {
        Path manifest = CodexManagedProfiles.manifest(codexHome);
        for (String content : new String[] {
            "{\"profiles\": [", "[]", "{\"profiles\": [\"../config.toml\"]}", "{\"profiles\": [\"config.toml\"]}"
        }) {
            Files.writeString(manifest, content);
            IOException e = assertThrows(IOException.class, () -> CodexManagedProfiles.read(codexHome), content);
            assertTrue(e.getMessage().startsWith(manifest.toString()), e.getMessage());
        }
    }

    @Test
    void theMergerRefusesABrokenManifestInTheSameWordsAsTheBackup() throws IOException {
        Path manifest = CodexManagedProfiles.manifest(codexHome);
        for (String content : new String[] {"{\"profiles\": [", "[]", "{\"profiles\": [\"config.toml\"]}"}) {
            Files.writeString(manifest, content);
            IOException read = assertThrows(IOException.class, () -> CodexManagedProfiles.read(codexHome), content);
            ConfigEditException merge = assertThrows(
                    ConfigEditException.class,
                    () -> new CodexMerger(codexHome, true)
                            .merge(
                                    List.of(),
                                    MergeStrategy.MERGE,
                                    Map.of(manifest, content.getBytes(StandardCharsets.UTF_8))),
                    content);
            assertEquals(read.getMessage(), merge.getMessage().replaceFirst(": ", " "), content);
        }
    }

    @Test
    void profileFileNames() {
        assertTrue(CodexManagedProfiles.isProfileFileName("groq-llama-3.3-70b.config.toml"));
        assertFalse(CodexManagedProfiles.isProfileFileName("config.toml"));
        assertFalse(CodexManagedProfiles.isProfileFileName(".hidden.config.toml"));
        assertFalse(CodexManagedProfiles.isProfileFileName("a/b.config.toml"));
        assertThrows(IllegalArgumentException.class, () -> CodexManagedProfiles.toBytes(List.of("x.toml")));
    }
}
