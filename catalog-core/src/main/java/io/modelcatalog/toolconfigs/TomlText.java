package io.modelcatalog.toolconfigs;

import io.modelcatalog.documents.TomlStrings;

/** TOML keys and basic strings of the generated configs: {@link TomlStrings} in its escaped style. */
final class TomlText {

    private TomlText() {}

    /** A key: bare when TOML allows, else a quoted basic string. */
    static String key(String k) {
        return TomlStrings.key(k, TomlStrings.Style.ESCAPED);
    }

    /** A basic string: a tab as {@code \t}, other control characters as {@code \}{@code u00XX}. */
    static String basic(String s) {
        return TomlStrings.basic(s, TomlStrings.Style.ESCAPED);
    }
}
