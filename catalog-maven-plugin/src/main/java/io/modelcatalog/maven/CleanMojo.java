package io.modelcatalog.maven;

import io.modelcatalog.clean.CatalogCleaner;
import io.modelcatalog.clean.CleanRequest;
import io.modelcatalog.clean.CleanResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes what this plugin wrote, and nothing else: the configs generate-configs wrote (the files its manifest
 * {@code .model-catalog-generated.json} in the configs folder lists with unchanged bytes, and aichat, mods and
 * codex files that start with the generators' header), temporary files left by an interrupted write in the
 * catalog and configs folders, and, only when asked, the failure history ({@code catalog.clean.failures}) and the
 * response cache ({@code catalog.clean.cache}). Folders the clean empties go too.
 *
 * <p>A generated file changed since it was written is kept and reported, as is every file a user put in those
 * folders, whatever its name. The catalog itself (<code>models_{provider}.json/.txt/.toml</code>) is never removed: it is
 * usually committed, and only a fetch with keys and network brings it back; delete it yourself when you mean to.
 * With {@code catalog.dryRun} the goal lists what would go and removes nothing.
 */
@Mojo(name = "clean", defaultPhase = LifecyclePhase.CLEAN, requiresProject = false, threadSafe = true)
public class CleanMojo extends AbstractCatalogMojo {

    /**
     * The configs folder generate-configs wrote; default: {@code configs} inside the catalog folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.configsDirectory")
    private File configsDirectory;

    /**
     * The response cache of the fetch goal, removed only with {@code catalog.clean.cache}. Default: the plugin's own folder, {@code $XDG_CACHE_HOME/model-catalog} when that
     * variable is an absolute path, else {@code ~/.cache/model-catalog} ({@code ~} is {@code $HOME}, else
     * {@code user.home}); see <a href="../files.html">Files the plugin writes</a>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.cacheDirectory")
    private File cacheDirectory;

    /**
     * Also remove the failure history, {@code failed_models.json} of the catalog folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.clean.failures", defaultValue = "false")
    private boolean failures;

    /**
     * Also remove the cached responses (per provider folder of {@code catalog.cacheDirectory}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.clean.cache", defaultValue = "false")
    private boolean cache;

    /**
     * List what would be removed, and remove nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.clean.skip", defaultValue = "false")
    private boolean cleanSkip;

    @Override
    protected String goalName() {
        return "clean";
    }

    @Override
    protected boolean goalSkipped() {
        return cleanSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        File catalogDir = catalogFolder();
        File configs = configsFolder(configsDirectory);
        File cacheDir = cacheFolder(cacheDirectory);
        CleanResult result;
        try {
            result = new CatalogCleaner()
                    .clean(CleanRequest.builder()
                            .catalogDir(catalogDir.toPath())
                            .configsDir(configs.toPath())
                            .cacheDir(cacheDir.toPath())
                            .failures(failures)
                            .cache(cache)
                            .dryRun(dryRun)
                            .build());
        } catch (IOException e) {
            throw new MojoExecutionException("Cleaning " + catalogDir + " failed: " + e.getMessage(), e);
        }
        String verb = result.dryRun() ? "would remove " : "removed ";
        for (Map.Entry<Path, CleanResult.Reason> e : result.removed().entrySet()) {
            getLog().info(verb + e.getKey() + " (" + e.getValue().label() + ")");
        }
        for (CleanResult.Kept k : result.kept()) {
            getLog().warn("kept " + k.file() + ": " + k.why() + "; delete it yourself if it is not needed");
        }
        getLog().info((result.dryRun() ? "Dry run (catalog.dryRun): " : "")
                + result.removed().size() + " file(s) "
                + (result.dryRun() ? "would be removed" : "removed") + ", "
                + result.kept().size() + " kept"
                + (failures ? "" : "; the failure history stays (catalog.clean.failures=true removes it)")
                + (cache ? "" : "; the response cache stays (catalog.clean.cache=true removes it)"));
    }
}
