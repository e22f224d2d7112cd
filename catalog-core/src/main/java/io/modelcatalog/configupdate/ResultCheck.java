package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigEditException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How every merger, YAML, TOML or JSON, checks what it made before anything is written: the edited text is parsed
 * again and its data compared, part by part, with what was intended. A difference is a bug of the update, and
 * is said as such.
 */
final class ResultCheck {

    private static final String REMEDY =
            "nothing was written; this is a bug of the update, please report it with the file";

    private ResultCheck() {}

    /** The error for edited text that no longer parses. */
    static ConfigEditException unparsable(Path file, ConfigEditException e) {
        return new ConfigEditException(
                file, "the updated text would not parse (" + e.problem() + " at line " + e.line() + ")", REMEDY);
    }

    /** The verdict on one part: equal data, or an error saying nothing was written. */
    static void requireEqual(Path file, Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw beyondIntended(file, what);
        }
    }

    /** The error for a part whose data, parsed again, is not what was intended. */
    static ConfigEditException beyondIntended(Path file, String what) {
        return new ConfigEditException(
                file,
                "the update would change " + what + " beyond what was intended (checked by parsing the result"
                        + " again)",
                REMEDY);
    }

    /** A mutable copy of parsed data that is a mapping (empty for anything else). */
    static Map<Object, Object> map(Object data) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (data instanceof Map<?, ?> map) {
            out.putAll(map);
        }
        return out;
    }

    /** A mutable copy of parsed data that is a list (empty for anything else). */
    static List<Object> list(Object data) {
        return data instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }
}
