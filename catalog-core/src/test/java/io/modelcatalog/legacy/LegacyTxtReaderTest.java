package io.modelcatalog.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.CorpusEntries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyTxtReaderTest {

    @Test
    void aFileWithAndWithoutAFinalNewlineHoldsTheSameIds(@TempDir Path dir) throws Exception {
        Path without = Files.writeString(dir.resolve("without.txt"), "gpt-4o\ngpt-4o-mini");
        Path with = Files.writeString(dir.resolve("with.txt"), "gpt-4o\ngpt-4o-mini\n");
        Path crlf = Files.writeString(dir.resolve("crlf.txt"), "gpt-4o\r\ngpt-4o-mini\r\n");
        List<String> ids = List.of("gpt-4o", "gpt-4o-mini");
        assertEquals(ids, LegacyTxtReader.read(without));
        assertEquals(ids, LegacyTxtReader.read(with));
        assertEquals(ids, LegacyTxtReader.read(crlf));
    }

    @Test
    void onlyOneFinalNewlineIsFormatting() {
        assertEquals(List.of(), LegacyTxtReader.ids(""));
        assertEquals(List.of(""), LegacyTxtReader.ids("\n"));
        assertEquals(List.of("a", ""), LegacyTxtReader.ids("a\n\n"));
        assertEquals(List.of("a", "", "b"), LegacyTxtReader.ids("a\n\nb"));
    }

    @Test
    void aMissingFileHasNoIds(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), LegacyTxtReader.read(dir.resolve("models_x.txt")));
    }

    @Test
    void readsBackWhatTheWriterWroteForTheCorpus() throws Exception {
        for (String provider : List.of("openai", "openrouter", "aihorde")) {
            ModelList list = CorpusEntries.list(provider);
            String written = new String(LegacyTxtWriter.toBytes(list), StandardCharsets.UTF_8);
            assertEquals(list.ids(), LegacyTxtReader.ids(written), provider);
        }
    }
}
