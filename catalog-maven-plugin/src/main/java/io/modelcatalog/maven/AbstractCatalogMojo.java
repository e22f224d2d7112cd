package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.home.PluginFolders;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.tools.Tool;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip flags and the parameters of the catalog folder and the providers, which
 * {@link #settings()} turns into core values (paths, comma lists, the layout, the registry), with errors that name
 * the parameter. Subclasses translate their parameters into a core call and its result into log lines; they hold no
 * catalog logic.
 */
public abstract class AbstractCatalogMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The current project; a stand-in project when the goal runs without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The build session: offline flag and settings (servers, proxies).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /**
     * The catalog folder: where fetch writes, and what the other goals read (either layout). Default
     * <code>${project.basedir}/models</code>, or {@code ./models} without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.outputDirectory", defaultValue = "${project.basedir}/models")
    protected File outputDirectory;

    /**
     * Comma list of provider names the goal works on; all (for generate-configs: all the catalog holds) when
     * empty. The providers goal shows these in detail.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.providers")
    protected String providerNames;

    /**
     * Providers beyond the built-in 40, or replacements of built-in ones (same name). See {@link ProviderConfig}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<ProviderConfig> providers;

    /**
     * A YAML file of further providers ({@code providers:} list of name, kind, baseUrl, baseUrlEnv, apiKeyEnv, headers).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.providersFile")
    protected File providersFile;

    /** Where environment variables come from; tests replace it, the goal reads the process environment. */
    EnvironmentLookup environment = EnvironmentLookup.system();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("Skipping " + goalName() + ": " + (skip ? "catalog.skip" : "catalog." + goalName() + ".skip")
                    + " is true");
            return;
        }
        run();
    }

    /** The goal's name, for messages and its skip property. */
    protected abstract String goalName();

    /** Whether the goal's own skip flag (<code>catalog.{goal}.skip</code>) is set. */
    protected abstract boolean goalSkipped();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** This goal's shared settings: its catalog folder, the providers in force and those selected. */
    protected CatalogSettings settings() {
        return CatalogSettings.builder(project, getLog())
                .catalogDirectory(outputDirectory)
                .providerNames(providerNames)
                .providers(providers)
                .providersFile(providersFile)
                .build();
    }

    /** The catalog folder ({@code catalog.outputDirectory}), absolute. */
    protected File catalogFolder() {
        return settings().catalogFolder();
    }

    /** The catalog folder of a goal that reads it; a regular file in its place is an error naming the parameter. */
    protected File catalogFolderToRead() throws MojoExecutionException {
        return settings().catalogFolderToRead();
    }

    /** See {@link CatalogSettings#configsFolder(File)}. */
    protected File configsFolder(File configsDirectory) {
        return settings().configsFolder(configsDirectory);
    }

    /** See {@link CatalogSettings#selectedProviders(ProviderRegistry)}. */
    protected List<ProviderDefinition> selectedProviders(ProviderRegistry registry) throws MojoExecutionException {
        return settings().selectedProviders(registry);
    }

    /** See {@link CatalogSettings#registry()}. */
    protected ProviderRegistry registry() throws MojoExecutionException {
        return settings().registry();
    }

    /** See {@link CatalogSettings#catalogQuery(ProviderRegistry)}. */
    protected CatalogQuery.Builder catalogQuery(ProviderRegistry registry) throws MojoExecutionException {
        return settings().catalogQuery(registry);
    }

    /** See {@link CatalogSettings#resolvePath(File, String)}. */
    protected File resolvePath(File configured, String whenUnresolved) {
        return settings().resolvePath(configured, whenUnresolved);
    }

    /** Where the plugin's own files go by default (cache, backups, locks), by the one rule of {@link PluginFolders}. */
    protected PluginFolders folders() {
        return PluginFolders.of(environment);
    }

    /** The response cache folder: {@code catalog.cacheDirectory} when set (relative to the base folder), else the rule's. */
    protected File cacheFolder(File configured) {
        return configured == null || configured.getPath().isBlank()
                ? folders().responseCache().toFile()
                : resolvePath(configured, configured.getPath());
    }

    /** See {@link CatalogSettings#layout(String)}. */
    protected static CatalogLayout layout(String value) throws MojoExecutionException {
        return CatalogSettings.layout(value);
    }

    /** See {@link CatalogSettings#tools(String)}. */
    protected static Set<Tool> parseTools(String value) throws MojoExecutionException {
        return CatalogSettings.tools(value);
    }

    /** See {@link CatalogSettings#commaList(String)}. */
    protected static List<String> commaList(String value) {
        return CatalogSettings.commaList(value);
    }
}
