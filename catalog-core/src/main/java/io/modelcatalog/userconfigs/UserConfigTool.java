package io.modelcatalog.userconfigs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The tools whose own config files (in the user's home, not generated ones) are located, backed up and restored. */
public enum UserConfigTool {
    AICHAT,
    CODEX,
    MODS,
    OPENCODE;

    /** The tool's name in a tools list, such as {@code aichat}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses names such as {@code aichat,codex}; an empty list means all tools. */
    public static Set<UserConfigTool> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(UserConfigTool.class);
        }
        EnumSet<UserConfigTool> out = EnumSet.noneOf(UserConfigTool.class);
        for (String n : names) {
            String t = n.trim().toLowerCase(Locale.ROOT);
            out.add(Arrays.stream(values())
                    .filter(v -> v.id().equals(t))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown tool '" + n + "'; use one of "
                            + Arrays.stream(values()).map(UserConfigTool::id).collect(Collectors.joining(", ")))));
        }
        return out;
    }
}
