package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configediting.ConfigText;
import io.modelcatalog.configediting.YamlDocument;
import io.modelcatalog.configediting.YamlNode;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** Nothing but its class and its file. */
    @Override
    public final Optional<String> fingerprint() {
        return Optional.of(getClass().getName() + " " + configFile);
    }

    @Override
    public final List<Path> files(List<ProviderModels> providers) {
        return List.of(configFile);
    }

    /** The file's current text: decoded from {@code before}, or an empty text when the file does not exist. */
    protected final ConfigText text(byte[] before) {
        return before == null ? ConfigText.empty(configFile) : ConfigText.decode(configFile, before);
    }

    /**
     * The root mapping's entry {@code key} of a YAML config: null when the root is not a mapping or has no such key,
     * the node when it has the shape the tool expects or is empty ({@code key:} alone); any other shape is an error
     * at the node's line and column, saying {@code problem} and {@code remedy}.
     */
    protected final YamlNode rootEntry(
            YamlDocument doc, String key, Predicate<YamlNode> expected, String problem, String remedy) {
        YamlNode root = doc.root();
        YamlNode node = root == null || !root.isMapping() ? null : root.get(key);
        if (node != null && !expected.test(node) && node.data() != null) {
            throw new ConfigEditException(
                    configFile, doc.line(node.start()) + 1, doc.text().column(node.start()), problem, remedy);
        }
        return node;
    }
}
