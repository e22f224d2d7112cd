package io.modelcatalog.toolconfigs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The CLI tools that configs are generated for; each has its own sub-folder of the configs folder. */
public enum Tool {
    AICHAT,
    CODEX,
    MODS,
    OPENCODE;

    /** The tool's name in {@code catalog.tools} and its folder name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses names such as {@code aichat,codex}; an empty list means all tools. */
    public static Set<Tool> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(Tool.class);
        }
        EnumSet<Tool> out = EnumSet.noneOf(Tool.class);
        for (String n : names) {
            String t = n.trim().toLowerCase(Locale.ROOT);
            Tool tool = Arrays.stream(values())
                    .filter(v -> v.id().equals(t))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown tool '" + n + "'; use one of "
                            + Arrays.stream(values()).map(Tool::id).collect(Collectors.joining(", "))));
            out.add(tool);
        }
        return out;
    }
}
