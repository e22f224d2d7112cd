package io.modelcatalog.toolconfigs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The CLI tools that configs are generated for, each with its {@link ToolWriter}. */
public enum Tool {
    AICHAT,
    CODEX,
    MODS,
    OPENCODE;

    /** The tool's name in {@code catalog.tools} and its folder name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The writer of this tool's files. */
    public ToolWriter writer() {
        return switch (this) {
            case AICHAT -> new AichatConfig();
            case CODEX -> new CodexConfig();
            case MODS -> new ModsConfig();
            case OPENCODE -> new OpenCodeConfig();
        };
    }

    /** The writers of these tools, in the tools' order. */
    public static List<ToolWriter> writers(Set<Tool> tools) {
        return tools.stream().sorted().map(Tool::writer).toList();
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
