package io.modelcatalog.maven;

import io.modelcatalog.catalog.ProviderOverview;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Lists every provider: kind, base URL, where its key would come from and whether one is set (never the key),
 * last success or failure from {@code failed_models.json}, model count and file sizes in the catalog folder.
 * With {@code -Dcatalog.providers=x} (or a comma list), shows those providers in detail instead.
 */
@Mojo(name = "providers", requiresProject = false, threadSafe = true)
public class ProvidersMojo extends AbstractCatalogMojo {

    /** The catalog folder, in either layout, with its {@code failed_models.json}. */
    @Parameter(property = "catalog.outputDirectory", defaultValue = "${project.basedir}/models")
    private File outputDirectory;

    /** Comma list of providers to show in detail; all, as a table, when empty. */
    @Parameter(property = "catalog.providers")
    private String providerNames;

    /** Skips this goal. */
    @Parameter(property = "catalog.providers.skip", defaultValue = "false")
    private boolean providersSkip;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final SettingsDecrypter decrypter;

    @Inject
    public ProvidersMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected String goalName() {
        return "providers";
    }

    @Override
    protected boolean goalSkipped() {
        return providersSkip;
    }

    @Override
    protected void run() throws MojoExecutionException {
        ProviderRegistry registry = registry();
        List<String> selected = commaList(providerNames);
        try {
            registry.select(selected);
        } catch (UnknownProviderException e) {
            throw new MojoExecutionException("catalog.providers: " + e.getMessage());
        }
        File folder = resolvePath(outputDirectory, "models");
        EnvironmentLookup env = EnvironmentLookup.system();
        MavenNetwork network = new MavenNetwork(session, decrypter, getLog());
        ProviderOverview overview;
        try {
            overview = ProviderOverview.read(
                    registry,
                    folder.toPath(),
                    env,
                    network.credentials(env),
                    p -> Optional.of("settings.xml server " + MavenNetwork.SERVER_ID_PREFIX + p.name()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the catalog folder " + folder + ": " + e.getMessage(), e);
        }
        if (selected.isEmpty()) {
            overview.table().forEach(getLog()::info);
            overview.notes().forEach(getLog()::info);
            getLog().info(overview.summary());
        } else {
            for (String name : selected) {
                overview.detail(name).forEach(getLog()::info);
            }
            overview.historyProblem().ifPresent(p -> getLog().warn("failed_models.json could not be read: " + p));
        }
    }
}
