package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.List;

/**
 * A merger whose tool keeps everything in one config file (aichat, mods, OpenCode): the file it names, and its
 * current text as {@link ConfigMerger#merge} receives it.
 */
abstract class SingleFileMerger implements ConfigMerger {

    /** The tool's config file, absolute. */
    protected final Path configFile;

    SingleFileMerger(Path configFile) {
        this.configFile = configFile.toAbsolutePath();
    }

    @Override
    public final List<Path> files(List<ProviderModels> providers) {
        return List.of(configFile);
    }

    /** The file's current text: decoded from {@code before}, or an empty text when the file does not exist. */
    protected final ConfigText text(byte[] before) {
        return before == null ? ConfigText.empty(configFile) : ConfigText.decode(configFile, before);
    }
}
