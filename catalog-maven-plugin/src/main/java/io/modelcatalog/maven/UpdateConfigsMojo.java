package io.modelcatalog.maven;

import io.modelcatalog.CatalogVersion;
import io.modelcatalog.configediting.ConfigEditException;
import io.modelcatalog.configupdate.ConfigMerger;
import io.modelcatalog.configupdate.ConfigUpdater;
import io.modelcatalog.configupdate.MergeStrategy;
import io.modelcatalog.configupdate.UpdateConfigsException;
import io.modelcatalog.configupdate.UpdateConfigsRequest;
import io.modelcatalog.configupdate.UpdateConfigsResult;
import io.modelcatalog.configupdate.UpdateStoppedException;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.toolconfigs.CatalogSelectionException;
import io.modelcatalog.toolconfigs.ModelIdFilter;
import io.modelcatalog.tools.Tool;
import io.modelcatalog.tools.UserConfigLocations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the catalog into the user's own aichat, mods, codex and OpenCode configs, leaving every byte outside the
 * entries it manages as it was: aichat's {@code clients:} entry per provider (matched by {@code name}, or by
 * {@code type} for a nameless built-in client such as {@code type: claude}), mods' <code>apis.{name}</code>, OpenCode's
 * <code>provider.{id}</code> in {@code opencode.json} or {@code opencode.jsonc} (comments kept; see the guide for its
 * {@code whitelist} under each strategy), and codex's <code>[model_providers.{id}]</code> tables in
 * {@code config.toml}, plus a profile file
 * <code>{profile}.config.toml</code> in the codex home for each model that {@code catalog.include} selects (none by
 * default). The entries hold what generate-configs writes for the same catalog.
 *
 * <p>Strategies ({@code catalog.strategy}): {@code merge} (default) adds new models, updates the facts of known
 * ones and keeps the user's own fields and models; {@code prune} also drops the models the provider no longer
 * lists; {@code replace} rewrites the whole entry.
 *
 * <p>Guarantees: positions come from the real YAML, TOML and JSON parsers; comments, blank lines, key order, quoting,
 * flow lists, anchors and line endings outside the managed entries stay; the edited text is parsed again and
 * compared with the original before anything is written; before any change the files are backed up (one backup
 * per run, in {@code catalog.backupDirectory}; the {@code restore} goal puts it back) and each file is replaced
 * atomically, keeping its mode; a second run with the same catalog changes no byte, and when the catalog files, the settings and every config
 * file are as the last run left them (their stamps, recorded in the plugin's folder) it reads and merges nothing;
 * {@code catalog.force} merges again. A file that does not parse,
 * repeats a key or is indented with tabs fails the build naming file, line and column, and nothing is written.
 * Without {@code catalog.tools}, a tool whose config file does not exist is skipped, with a line saying how to create
 * it; a tool named in {@code catalog.tools} gets a missing config created (its backup records it as absent, so
 * {@code restore} removes it again). Two builds updating the same file at once take turns (a lock per file).
 * {@code catalog.dryRun} prints a unified diff per file and writes nothing.
 *
 * <p>No default phase: it edits files outside the project, so it runs where it is called or bound. Runs without a
 * POM.
 */
@Mojo(name = "update-configs", requiresProject = false, threadSafe = true)
public class UpdateConfigsMojo extends AbstractUserConfigMojo {

    /**
     * The catalog's layout, {@code legacy} or {@code structured}; detected from the folder when not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.layout")
    private String layout;

    /**
     * Comma list of tools whose configs are updated: {@code aichat}, {@code codex}, {@code mods}, {@code opencode}.
     * When empty, every tool whose config file exists; a tool named here gets its config created when it has none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.tools")
    private String tools;

    /**
     * Comma list of globs on model ids ({@code *} any characters, {@code /} included; {@code ?} one); all when
     * empty. When set, a codex profile file is also written for each model it selects.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.include")
    private String include;

    /**
     * Comma list of globs on model ids to leave out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.exclude")
    private String exclude;

    /**
     * {@code merge} (default), {@code prune} or {@code replace}: how entries the user already has are updated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.strategy", defaultValue = "merge")
    private String strategy;

    /**
     * Prints a unified diff per file that would change, and writes nothing (no backup either).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Moves the legacy {@code [profiles.*]} tables of codex's {@code config.toml} to the profile files codex reads
     * now (one per table in the codex home, named after it, ending in {@code .config.toml}), all in this run: the
     * files are written, the tables leave config.toml, and the run's one backup holds it all, so one restore undoes
     * it. A table whose file exists is left alone.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.codex.migrateProfiles", defaultValue = "false")
    private boolean migrateProfiles;

    /**
     * Ignores what the last run recorded and merges every file again. Without it a rerun in which the catalog files,
     * the settings and every config file are as the last run left them reads and merges nothing and says so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.force", defaultValue = "false")
    private boolean force;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.update-configs.skip", defaultValue = "false")
    private boolean updateConfigsSkip;

    @Override
    protected String goalName() {
        return "update-configs";
    }

    @Override
    protected boolean goalSkipped() {
        return updateConfigsSkip;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        LayoutWarning.check(catalogFolder(), getLog());
        MergeStrategy mergeStrategy;
        try {
            mergeStrategy = MergeStrategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.strategy: " + e.getMessage());
        }
        ProviderRegistry registry = registry();
        selectedProviders(registry);
        List<String> includes = commaList(include);
        CatalogQuery catalog = catalogQuery(registry)
                .layout(layout(layout))
                .filter(ModelIdFilter.of(includes, commaList(exclude)))
                .env(environment)
                .build();
        UpdateConfigsRequest request = UpdateConfigsRequest.builder(catalog, backupStore(), lockDirectory())
                .mergers(mergers(parseTools(tools), tools != null && !tools.isBlank(), !includes.isEmpty()))
                .strategy(mergeStrategy)
                .dryRun(dryRun)
                .backupKeep(backupKeep)
                .stateDirectory(stateDirectory())
                .force(force)
                .build();
        UpdateConfigsResult result;
        try {
            result = new ConfigUpdater().update(request);
        } catch (ConfigEditException e) {
            throw new MojoFailureException(e.getMessage() + " (nothing was written)", e);
        } catch (CatalogSelectionException e) {
            // no cause: Maven would append the core's own wording of the same finding
            throw new MojoExecutionException(MavenWords.of(e) + " (nothing was written)");
        } catch (UpdateConfigsException | DocumentParseException e) {
            throw new MojoExecutionException(e.getMessage() + " (nothing was written)", e);
        } catch (UpdateStoppedException e) {
            throw new MojoExecutionException(
                    "Updating the tool configs failed: " + e.getMessage() + ". Undo with mvn io.modelcatalog:"
                            + "catalog-maven-plugin:" + CatalogVersion.get() + ":restore -Dcatalog.backupId="
                            + e.backup().id(),
                    e);
        } catch (IOException e) {
            // a write that fails first leaves every file as it was, and removes the backup it made
            throw new MojoExecutionException(
                    "Updating the tool configs failed: " + FileErrors.explain(e) + " (nothing was written)", e);
        }
        UpdateConfigsLog.write(result, catalogFolder(), getLog(), dryRun, backupKeep);
    }

    /**
     * One merger per selected tool, each with its file as given or found, logged with how it was found; unless the
     * tools were named, a tool without a config file is skipped, saying how to create it.
     */
    private List<ConfigMerger> mergers(Set<Tool> selected, boolean named, boolean profiles) {
        UserConfigLocations locations = locations();
        List<ConfigMerger> out = new ArrayList<>();
        for (Tool tool : selected) {
            UserConfigLocations.Location where = locations.locate(tool);
            String found = tool.id() + ": " + where.file() + " (" + foundBy(tool, where) + ")";
            if (!named && !where.exists()) {
                getLog().info(found + " does not exist: skipped (to create it, name the tool: -Dcatalog.tools="
                        + tool.id() + ")");
                continue;
            }
            out.add(tool.merger(locations, profiles, migrateProfiles));
            getLog().info(found);
        }
        if (out.isEmpty()) {
            getLog().warn("None of " + selected.stream().map(Tool::id).collect(Collectors.joining(", "))
                    + " has a config file here, so there is nothing to update; to create configs, name the tools:"
                    + " -Dcatalog.tools=" + selected.stream().map(Tool::id).collect(Collectors.joining(",")));
        }
        return out;
    }
}
