package io.modelcatalog.maven;

import io.modelcatalog.providers.ProviderRegistry;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The registry and path rules every other goal applies, borrowed from {@link AbstractCatalogMojo} for the report
 * goal, whose {@code outputDirectory} is where its page goes (Maven's reporting convention) and not the catalog
 * folder as in {@link AbstractCatalogMojo}. Never executed as a goal.
 */
final class ReportSettings extends AbstractCatalogMojo {

    ReportSettings(MavenProject project, List<ProviderConfig> providers, File providersFile, Log log) {
        this.project = project;
        this.providers = providers;
        this.providersFile = providersFile;
        setLog(log);
    }

    @Override
    protected String goalName() {
        return "report";
    }

    @Override
    protected boolean goalSkipped() {
        return false;
    }

    @Override
    protected void run() {
        // never executed: only the registry and path helpers are used
    }

    @Override
    protected ProviderRegistry registry() throws MojoExecutionException {
        return super.registry();
    }

    @Override
    protected File resolvePath(File configured, String whenUnresolved) {
        return super.resolvePath(configured, whenUnresolved);
    }
}
