package io.modelcatalog.toolconfigs;

import java.util.List;
import java.util.Optional;

/**
 * Writes one tool's configuration for one provider. {@link ConfigGenerator} calls every selected writer once per
 * provider and writes what it returns under {@code <configs folder>/<folder()>/}; a writer does no I/O, so the
 * same files can also be merged into a user's own config, previewed, or compared.
 *
 * <p>Built-in writers come from {@link io.modelcatalog.tools.Tool#writer()}; a writer for another tool, or one driven by a user's
 * template ({@code io.modelcatalog.templates.TemplateRenderer#writers}), implements this interface and is passed in
 * {@link GenerateConfigsRequest#writers()}.
 */
public interface ToolWriter {

    /** The tool's id, as users select it ({@code aichat}, {@code codex}, ...). */
    String id();

    /** The folder of this writer's files, relative to the configs folder; by default the tool's id. */
    default String folder() {
        return id();
    }

    /**
     * The files for one provider, in a stable order, each with its path relative to {@link #folder()}. Two
     * providers may not produce the same path.
     */
    List<ToolFile> files(ProviderModels models);

    /**
     * Files written once for all providers of the run (a user's template that renders once, for example), after
     * every provider's {@link #files}; by default none.
     *
     * @param providers every provider of the run, in the run's order
     */
    default List<ToolFile> sharedFiles(List<ProviderModels> providers) {
        return List.of();
    }

    /**
     * The name under which the tool knows the provider: its own name, or another one where the tool reserves
     * that name for a client of its own. A renamed provider may not meet a provider really called so.
     */
    default String providerName(String provider) {
        return provider;
    }

    /**
     * What this writer's files depend on besides the models and this library's code (a template's text, options),
     * as text that changes whenever they do. A rerun keeps a provider's files without rendering them again only
     * when every writer gives one and it is the same; empty (the default) means the writer cannot tell, and its
     * providers are rendered every run.
     */
    default Optional<String> fingerprint() {
        return Optional.empty();
    }

    /**
     * Where this writer keeps one file per model: patterns relative to {@link #folder()}, a folder and a file-name
     * glob ({@code profiles/*.config.toml}). A matching file that this run did not write, and whose first line is
     * the header of a provider of this run ({@link ProviderModels#header(String)} with {@code #}), belongs to a
     * model that is gone or now left out, and is removed.
     */
    default List<String> perModelFiles() {
        return List.of();
    }
}
