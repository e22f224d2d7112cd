package io.modelcatalog.maven;

import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.identity.FamilyOverrideException;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import io.modelcatalog.report.CatalogReport;
import io.modelcatalog.report.CatalogReportReader;
import io.modelcatalog.report.ReportHtml;
import io.modelcatalog.text.Plural;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The catalog as a page of the project's Maven site ({@code catalog-report.html}): every provider with its model
 * count and its last success or failure and when (from {@code failed_models.json}); per provider a table of its
 * models (context window, max output, input and output price per 1M tokens, capabilities) that a reader can
 * sort and filter; and two pictures, models per provider and price against context window for the chat models.
 * The page loads nothing from elsewhere: its style, script and pictures (SVG) are inline.
 *
 * <p>Declare it in the POM's {@code reporting} section to have {@code mvn site} render it, after a build that runs
 * {@code fetch}; or run {@code mvn catalog:report}, which writes {@code target/reports/catalog-report.html} as a
 * page of its own (the same fragment in a plain HTML document, no skin).
 *
 * <p>It implements maven-reporting-api's {@link MavenReport} itself rather than extending maven-reporting-impl's
 * {@code AbstractMavenReport}: that base class brought 34 jars (the site renderer, Velocity, archivers) into the
 * plugin's class realm, which Maven resolves and indexes on every goal of the plugin, fetch included (Maven's
 * start with fetch skipped went from 0.63 to 0.51 of the legacy script's wall time side by side), while the
 * report needs only the sink the site plugin hands it.
 *
 * <p><b>Needs maven-site-plugin 3.21.0 or later</b> (pin it in the POM): the report renders through Doxia 2,
 * and the site plugin a Maven binds by default is made for Doxia 1: 3.3 (Maven 3.8.7) and 3.12.1 (Maven 3.9.11)
 * reject a site descriptor of the SITE 2.0.0 schema, and 3.3 leaves this page out with a {@code LinkageError}
 * warning (its report API passes a Doxia 1 sink).
 *
 * <p>It needs a project: run without a POM, it fails saying what to run instead (Maven's own refusal of a goal
 * that requires a project names neither). So it is declared to run without one, and checks for one itself.
 *
 * <p>In a POM, name the catalog folder with the element {@code catalogDirectory} (or the property
 * {@code catalog.outputDirectory}): the element {@code outputDirectory} of a report is where its page goes.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    /** The page's file name, without {@code .html}. */
    static final String OUTPUT_NAME = "catalog-report";

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The current project.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * The build session: whether there is a POM at all.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * Where {@code mvn catalog:report} writes its page. In a site, the site plugin sets the folder (the site's
     * output folder) and this parameter is not used.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/reports", required = true)
    private File outputDirectory;

    /**
     * Skips this report.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.report.skip", defaultValue = "false")
    private boolean reportSkip;

    /**
     * The catalog folder, in either layout, with its {@code failed_models.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.outputDirectory", defaultValue = "${project.basedir}/models")
    private File catalogDirectory;

    /**
     * Comma list of the providers to show; empty for every registered provider with a file or a history entry.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.providers")
    private String providerNames;

    /**
     * Providers beyond the built-in 40, or replacements of built-in ones (same name), as for {@code fetch}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<ProviderConfig> providers;

    /**
     * A YAML file of further providers, as for {@code fetch}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.providersFile")
    private File providersFile;

    /** {@code mvn catalog:report}: the page as a document of its own, {@code <outputDirectory>/catalog-report.html}. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            return;
        }
        MavenWords.reportNeedsAPom(session);
        CatalogSettings settings = settings();
        // a folder given relative, or none (a report built by hand), is the project's
        File folder = settings.resolvePath(outputDirectory, "target/reports");
        try {
            CatalogReport report = read(settings);
            Path page = folder.toPath().resolve(OUTPUT_NAME + ".html");
            AtomicFiles.write(page, ReportHtml.document(report).getBytes(StandardCharsets.UTF_8));
            getLog().info("Report:  " + page.normalize());
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write the report page into " + folder + ": " + FileErrors.explain(e)
                            + " (the report's outputDirectory)",
                    e);
        }
    }

    /** The site plugin's call: the page's content through the site's sink, in the site's skin. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        ReportPage.render(sink, getName(locale), read(settings()));
    }

    /**
     * The page's path in the site without {@code .html}: maven-reporting-api 4's name for what
     * {@link #getOutputName()} said (the API's default would call the deprecated method).
     */
    @Override
    public String getOutputPath() {
        return OUTPUT_NAME;
    }

    /** The same as {@link #getOutputPath()}, for a site plugin that still asks the deprecated method. */
    @Override
    @Deprecated
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File folder) {
        outputDirectory = folder;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public String getName(Locale locale) {
        return ReportHtml.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "The providers and models of the catalog: counts, last runs, context windows, prices, capabilities.";
    }

    @Override
    public boolean canGenerateReport() {
        if (skip || reportSkip) {
            getLog().info("Skipping report: " + (skip ? "catalog.skip" : "catalog.report.skip") + " is true");
            return false;
        }
        return true;
    }

    private CatalogSettings settings() {
        return CatalogSettings.builder(project, getLog())
                .catalogDirectory(catalogDirectory)
                .providerNames(providerNames)
                .providers(providers)
                .providersFile(providersFile)
                .build();
    }

    private CatalogReport read(CatalogSettings settings) throws MavenReportException {
        try {
            ProviderRegistry registry = settings.registry();
            File folder = settings.catalogFolderToRead();
            LayoutWarning.check(folder, getLog());
            if (!folder.isDirectory()) {
                getLog().warn("The catalog folder " + folder + " does not exist: the report says so. Run the fetch "
                        + "goal before the report (bind it in the POM, or mvn catalog:fetch), or set "
                        + "catalog.outputDirectory");
            }
            CatalogReport report = CatalogReportReader.read(
                    registry,
                    folder.toPath(),
                    settings.providerNames(),
                    ReportPage.label(project, folder.toPath()),
                    settings.familyOverrides());
            getLog().info("Catalog report: " + Plural.of(report.providers().size(), "provider") + ", "
                    + Plural.of(report.modelCount(), "model") + " from " + folder);
            return report;
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        } catch (UnknownProviderException e) {
            throw new MavenReportException(MavenWords.of(e), e);
        } catch (FamilyOverrideException e) {
            throw new MavenReportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MavenReportException(MavenWords.cannotRead(settings.catalogFolder(), e), e);
        }
    }
}
