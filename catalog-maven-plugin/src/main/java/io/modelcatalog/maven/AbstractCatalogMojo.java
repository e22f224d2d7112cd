package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.tools.Tool;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip flags, the catalog folder, the provider registry and selection, and turning
 * parameters (paths, comma lists, the layout) into core values, with errors that name the parameter. Subclasses
 * translate their parameters into a core call and its result into log lines; they hold no catalog logic.
 */
public abstract class AbstractCatalogMojo extends AbstractMojo {

    /** Skips every goal of this plugin. */
    @Parameter(property = "catalog.skip", defaultValue = "false")
    protected boolean skip;

    /** The current project; a stand-in project when the goal runs without a POM. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session: offline flag and settings (servers, proxies). */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /**
     * The catalog folder: where fetch writes, and what the other goals read (either layout). Default
     * {@code ${project.basedir}/models}, or {@code ./models} without a POM.
     */
    @Parameter(property = "catalog.outputDirectory", defaultValue = "${project.basedir}/models")
    protected File outputDirectory;

    /**
     * Comma list of provider names the goal works on; all (for generate-configs: all the catalog holds) when
     * empty. The providers goal shows these in detail.
     */
    @Parameter(property = "catalog.providers")
    protected String providerNames;

    /**
     * Providers beyond the built-in 40, or replacements of built-in ones (same name). See {@link ProviderConfig}.
     */
    @Parameter
    protected List<ProviderConfig> providers;

    /** A YAML file of further providers ({@code providers:} list of name, kind, baseUrl, baseUrlEnv, apiKeyEnv, headers). */
    @Parameter(property = "catalog.providersFile")
    protected File providersFile;

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

    /** Whether the goal's own skip flag ({@code catalog.{goal}.skip}) is set. */
    protected abstract boolean goalSkipped();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The catalog folder ({@code catalog.outputDirectory}), absolute. */
    protected File catalogFolder() {
        return resolvePath(outputDirectory, "models");
    }

    /**
     * The configs folder: {@code catalog.configsDirectory} when set, else {@code configs} inside the catalog folder.
     */
    protected File configsFolder(File configsDirectory) {
        return configsDirectory == null
                ? new File(catalogFolder(), "configs")
                : resolvePath(configsDirectory, "models/configs");
    }

    /** The providers named by {@code catalog.providers} in registry order, or all of them when it is empty. */
    protected List<ProviderDefinition> selectedProviders(ProviderRegistry registry) throws MojoExecutionException {
        try {
            return registry.select(commaList(providerNames));
        } catch (UnknownProviderException e) {
            throw new MojoExecutionException("catalog.providers: " + e.getMessage());
        }
    }

    /** A {@code catalog.layout} value; {@code null} for a blank one. */
    protected static CatalogLayout layout(String value) throws MojoExecutionException {
        try {
            return value == null || value.isBlank() ? null : CatalogLayout.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.layout: " + e.getMessage());
        }
    }

    /** A {@code catalog.tools} value: the tools named, or all of them for a blank one. */
    protected static Set<Tool> parseTools(String value) throws MojoExecutionException {
        try {
            return Tool.parse(commaList(value));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.tools: " + e.getMessage());
        }
    }

    /** The folder a relative path is resolved against: the project's base dir, or the working folder without a POM. */
    protected File baseDir() {
        File base = project == null ? null : project.getBasedir();
        return base != null ? base : new File(System.getProperty("user.dir"));
    }

    /**
     * The provider registry in force: the built-in providers, then those of {@code catalog.providersFile}, then
     * the POM's {@code <providers>}. Each layer may replace a provider of the layers before it (same name), with
     * a log line; a name given twice within one layer is an error. Every configured provider is validated (name,
     * kind, http(s) base URL, variable names), and errors name the file and line or the POM entry.
     */
    protected ProviderRegistry registry() throws MojoExecutionException {
        File file = providersFile == null || providersFile.isAbsolute()
                ? providersFile
                : new File(baseDir(), providersFile.getPath());
        return ProviderLayers.registry(file, providers, getLog());
    }

    /**
     * A folder or file parameter made absolute: relative paths against {@link #baseDir()}; a value that still holds
     * an unresolved expression (Maven 3.8 leaves {@code ${project.basedir}} as is when a goal runs without a POM)
     * means the documented default {@code <working folder>/<whenUnresolved>}.
     */
    protected File resolvePath(File configured, String whenUnresolved) {
        if (configured == null || configured.getPath().contains("${")) {
            return new File(baseDir(), whenUnresolved);
        }
        return configured.isAbsolute() ? configured : new File(baseDir(), configured.getPath());
    }

    /** Splits a comma list, trimming blanks; {@code null} or blank gives an empty list. */
    protected static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(out::add);
        return out;
    }
}
