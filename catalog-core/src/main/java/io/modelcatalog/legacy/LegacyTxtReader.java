package io.modelcatalog.legacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a legacy txt file back: one model id per line, as {@link LegacyTxtWriter} writes it. The one txt reader of
 * the catalog: the fetch's shrink gate and change report, the providers overview and verify-compat all count ids
 * with it.
 */
public final class LegacyTxtReader {

    private LegacyTxtReader() {}

    /**
     * The ids of a txt file's text: lines split at {@code \n}. A {@code \r} before a newline and one final newline
     * are formatting, not data (the legacy tool wrote neither); an empty text has no ids.
     */
    public static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        if (text.isEmpty()) {
            return ids;
        }
        String[] lines = text.split("\n", -1);
        int n = lines.length > 1 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            ids.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return ids;
    }

    /** The ids of a txt file read as UTF-8; none when the file does not exist. */
    public static List<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? ids(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
    }
}
