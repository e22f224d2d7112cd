package io.modelcatalog.migration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcatalog.migration.ProvidersFileOutput.Outcome;
import io.modelcatalog.migration.ProvidersFileOutput.Result;
import io.modelcatalog.providers.ProviderFileException;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.testing.LegacyScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Putting the providers file in place: no silent overwrite, a backup when allowed, a failed read-back undone. */
class ProvidersFileOutputTest {

    private static final byte[] USERS_FILE =
            "providers:\n  - name: mine\n    baseUrl: https://mine.example/v1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ProviderComparison comparison;
    private byte[] bytes;
    private Path target;
    private final List<Path> checked = new ArrayList<>();

    @BeforeEach
    void edited() throws Exception {
        String script = LegacyScripts.edited(LegacyScripts.CORP_URL, LegacyScripts.GROQ_URL);
        comparison = ProviderComparison.of(
                LegacyScriptReader.read(LegacyScripts.write(dir.resolve("script"), script)),
                ProviderRegistry.builtIn());
        bytes = ProvidersFileWriter.write(comparison);
        target = dir.resolve("out/catalog-providers.yaml");
    }

    private Outcome write(boolean overwrite) throws IOException {
        return ProvidersFileOutput.write(target, bytes, comparison.toWrite(), overwrite, checked::add);
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileAndLeavesAnIdenticalOneAsItIs() throws Exception {
        assertEquals(new Outcome(Result.WRITTEN, target, Optional.empty()), write(false));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of(target), checked);

        // a second run: the same bytes, nothing written, no backup, even when overwriting is allowed
        assertEquals(new Outcome(Result.UNCHANGED, target, Optional.empty()), write(false));
        assertEquals(new Outcome(Result.UNCHANGED, target, Optional.empty()), write(true));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of("catalog-providers.yaml"), folder());
    }

    @Test
    void anExistingFileWithOtherContentIsNotReplacedUnlessAllowed() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(target, USERS_FILE);

        ProvidersFileOutput.ExistingFileException e =
                assertThrows(ProvidersFileOutput.ExistingFileException.class, () -> write(false));
        assertEquals(target, e.file());
        assertEquals(target + " exists with other content and is not replaced", e.getMessage());
        assertArrayEquals(USERS_FILE, Files.readAllBytes(target));
        assertEquals(List.of("catalog-providers.yaml"), folder());
        assertEquals(List.of(), checked);
    }

    @Test
    void overwritingKeepsTheReplacedFileBesideItAndNeverReplacesABackup() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(target, USERS_FILE);

        Path bak = target.resolveSibling("catalog-providers.yaml.bak");
        assertEquals(new Outcome(Result.WRITTEN, target, Optional.of(bak)), write(true));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertArrayEquals(USERS_FILE, Files.readAllBytes(bak));

        byte[] second =
                "providers:\n  - name: other\n    baseUrl: https://other.example/v1\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, second);
        Path bak1 = target.resolveSibling("catalog-providers.yaml.bak.1");
        assertEquals(new Outcome(Result.WRITTEN, target, Optional.of(bak1)), write(true));
        assertArrayEquals(USERS_FILE, Files.readAllBytes(bak));
        assertArrayEquals(second, Files.readAllBytes(bak1));
        assertEquals(
                List.of("catalog-providers.yaml", "catalog-providers.yaml.bak", "catalog-providers.yaml.bak.1"),
                folder());
    }

    @Test
    void aFailedReadBackRestoresThePreviousState() throws Exception {
        ProvidersFileOutput.ReadBack<IOException> refuses = written -> {
            throw new IOException("refused " + written.getFileName());
        };

        // no file before: none after
        IOException e = assertThrows(
                IOException.class,
                () -> ProvidersFileOutput.write(target, bytes, comparison.toWrite(), false, refuses));
        assertEquals("refused catalog-providers.yaml", e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), folder());

        // a file before: its bytes after, and no backup left behind
        Files.write(target, USERS_FILE);
        assertThrows(
                IOException.class, () -> ProvidersFileOutput.write(target, bytes, comparison.toWrite(), true, refuses));
        assertArrayEquals(USERS_FILE, Files.readAllBytes(target));
        assertEquals(List.of("catalog-providers.yaml"), folder());
    }

    @Test
    void bytesThatDoNotReadBackAsTheProvidersAreUndone() throws Exception {
        // bytes that hold other providers than meant: the core's own read-back catches it before the caller's
        ProviderFileException e = assertThrows(
                ProviderFileException.class,
                () -> ProvidersFileOutput.write(target, USERS_FILE, comparison.toWrite(), false, checked::add));
        assertTrue(
                e.getMessage().startsWith(target + ": reads back as other providers than were written: "),
                e::getMessage);
        assertFalse(Files.exists(target));
        assertEquals(List.of(), checked);
    }
}
