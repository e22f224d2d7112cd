package io.modelcatalog.toolconfigs;

import java.util.Objects;

/**
 * One generated file.
 *
 * @param path  where it goes, relative to its writer's folder, with {@code /} between folders
 * @param bytes its content
 */
public record ToolFile(String path, byte[] bytes) {

    public ToolFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
    }
}
