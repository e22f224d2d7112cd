package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.identity.FamilyOverrideException;
import io.modelcatalog.identity.FamilyOverrides;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.toolconfigs.CatalogQuery;
import io.modelcatalog.tools.Tool;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The settings every goal that works on a catalog shares, as a plain value built from the goal's parameters: the
 * folder relative paths are resolved against, the catalog folder, the providers in force and those selected. It
 * turns them into core values, with errors that name the parameter. {@link AbstractCatalogMojo} builds one from its
 * parameters; a goal that cannot extend it (the report, whose {@code outputDirectory} is where its page goes) builds
 * its own with {@link #builder(MavenProject, Log)}.
 */
final class CatalogSettings {

    private final MavenProject project;
    private final Log log;
    private final File catalogDirectory;
    private final String providerNames;
    private final List<ProviderConfig> providers;
    private final File providersFile;

    private CatalogSettings(Builder b) {
        this.project = b.project;
        this.log = b.log;
        this.catalogDirectory = b.catalogDirectory;
        this.providerNames = b.providerNames;
        this.providers = b.providers;
        this.providersFile = b.providersFile;
    }

    /**
     * Settings of a goal of {@code project} (a stand-in project, or null, without a POM) that logs to {@code log};
     * every parameter not given is unset.
     */
    static Builder builder(MavenProject project, Log log) {
        return new Builder(project, log);
    }

    /** The folder a relative path is resolved against: the project's base dir, or the working folder without a POM. */
    File baseDir() {
        File base = project == null ? null : project.getBasedir();
        return base != null ? base : new File(System.getProperty("user.dir"));
    }

    /**
     * A folder or file parameter made absolute: relative paths against {@link #baseDir()}; a value that still holds
     * an unresolved expression (Maven 3.8 leaves <code>${project.basedir}</code> as is when a goal runs without a POM)
     * means the documented default {@code <working folder>/<whenUnresolved>}.
     */
    File resolvePath(File configured, String whenUnresolved) {
        if (configured == null || configured.getPath().contains("${")) {
            return new File(baseDir(), whenUnresolved);
        }
        return configured.isAbsolute() ? configured : new File(baseDir(), configured.getPath());
    }

    /** The catalog folder ({@code catalog.outputDirectory}), absolute. */
    File catalogFolder() {
        return resolvePath(catalogDirectory, "models");
    }

    /**
     * The catalog folder of a goal that reads it: absent is the goal's to report, a regular file in its place is an
     * error naming the parameter.
     */
    File catalogFolderToRead() throws MojoExecutionException {
        return folderOrAbsent(catalogFolder(), "catalog folder", "catalog.outputDirectory", MavenWords.CATALOG_FOLDER);
    }

    /**
     * The configs folder: {@code catalog.configsDirectory} when set, else {@code configs} inside the catalog folder.
     */
    File configsFolder(File configsDirectory) {
        return configsDirectory == null
                ? new File(catalogFolder(), "configs")
                : resolvePath(configsDirectory, "models/configs");
    }

    /**
     * The provider registry in force: the built-in providers, then those of {@code catalog.providersFile}, then
     * the POM's {@code <providers>}. Each layer may replace a provider of the layers before it (same name), with
     * a log line; a name given twice within one layer is an error. Every configured provider is validated (name,
     * kind, http(s) base URL, variable names), and errors name the file and line or the POM entry.
     */
    ProviderRegistry registry() throws MojoExecutionException {
        return ProviderLayers.registry(providersFileResolved(), providers, log);
    }

    /**
     * The family overrides and aliases of {@code catalog.providersFile} ({@code families:}, {@code aliases:}); none
     * without a providers file. Errors name the file, line and column.
     */
    FamilyOverrides familyOverrides() throws MojoExecutionException {
        File file = providersFileResolved();
        if (file == null || !file.isFile()) {
            return FamilyOverrides.none();
        }
        try {
            return FamilyOverrides.read(file.toPath());
        } catch (FamilyOverrideException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private File providersFileResolved() {
        return providersFile == null || providersFile.isAbsolute()
                ? providersFile
                : new File(baseDir(), providersFile.getPath());
    }

    /** The names {@code catalog.providers} gives, as written; empty for all. */
    List<String> providerNames() {
        return commaList(providerNames);
    }

    /** The providers named by {@code catalog.providers} in registry order, or all of them when it is empty. */
    List<ProviderDefinition> selectedProviders(ProviderRegistry registry) throws MojoExecutionException {
        try {
            return registry.select(providerNames());
        } catch (UnknownProviderException e) {
            throw new MojoExecutionException(MavenWords.of(e));
        }
    }

    /**
     * The catalog as the configs goals read it: the catalog folder (a regular file there is an error) and the
     * providers named, in {@code registry}; the goal adds its layout, model filter and environment.
     */
    CatalogQuery.Builder catalogQuery(ProviderRegistry registry) throws MojoExecutionException {
        return CatalogQuery.builder(catalogFolderToRead().toPath())
                .providers(providerNames())
                .registry(registry);
    }

    /**
     * A folder parameter's folder, which may be absent; a regular file in its place is an error naming the parameter
     * and what it should point at.
     */
    static File folderOrAbsent(File folder, String what, String parameter, String remedy)
            throws MojoExecutionException {
        if (folder.isFile()) {
            throw new MojoExecutionException(MavenWords.notAFolder(what, folder, parameter, remedy));
        }
        return folder;
    }

    /** A {@code catalog.layout} value; {@code null} for a blank one. */
    static CatalogLayout layout(String value) throws MojoExecutionException {
        try {
            return value == null || value.isBlank() ? null : CatalogLayout.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.layout: " + e.getMessage());
        }
    }

    /** A {@code catalog.tools} value: the tools named, or all of them for a blank one. */
    static Set<Tool> tools(String value) throws MojoExecutionException {
        try {
            return Tool.parse(commaList(value));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.tools: " + e.getMessage());
        }
    }

    /** Splits a comma list, trimming blanks; {@code null} or blank gives an empty list. */
    static List<String> commaList(String value) {
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

    /** Sets {@link CatalogSettings} by name, from a goal's parameters. */
    static final class Builder {
        private final MavenProject project;
        private final Log log;
        private File catalogDirectory;
        private String providerNames;
        private List<ProviderConfig> providers;
        private File providersFile;

        private Builder(MavenProject project, Log log) {
            this.project = project;
            this.log = log;
        }

        /** {@code catalog.outputDirectory} as configured (relative, unresolved or null are resolved later). */
        Builder catalogDirectory(File value) {
            this.catalogDirectory = value;
            return this;
        }

        /** {@code catalog.providers}: the comma list of provider names. */
        Builder providerNames(String value) {
            this.providerNames = value;
            return this;
        }

        /** The POM's {@code <providers>}. */
        Builder providers(List<ProviderConfig> value) {
            this.providers = value;
            return this;
        }

        /** {@code catalog.providersFile} as configured. */
        Builder providersFile(File value) {
            this.providersFile = value;
            return this;
        }

        CatalogSettings build() {
            return new CatalogSettings(this);
        }
    }
}
