package io.modelcatalog.maven;

import io.modelcatalog.catalog.ProviderOverview;
import io.modelcatalog.catalog.ProviderOverviewText;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists every provider: kind, base URL, where its key would come from and whether one is set (never the key),
 * last success or failure from {@code failed_models.json}, model count and file sizes in the catalog folder.
 * With {@code -Dcatalog.providers=x} (or a comma list), shows those providers in detail instead.
 */
@Mojo(name = "providers", requiresProject = false, threadSafe = true)
public class ProvidersMojo extends AbstractCatalogMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.providers.skip", defaultValue = "false")
    private boolean providersSkip;

    private final MavenNetwork network;

    @Inject
    public ProvidersMojo(MavenNetwork network) {
        this.network = network;
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
        selectedProviders(registry);
        File folder = catalogFolderToRead();
        LayoutWarning.check(folder, getLog());
        EnvironmentLookup env = EnvironmentLookup.system();
        ProviderOverview overview;
        try {
            overview = ProviderOverview.read(
                    registry,
                    folder.toPath(),
                    env,
                    network.credentials(session, env, getLog()),
                    p -> Optional.of(MavenNetwork.serverKeySource(p.name())));
        } catch (IOException e) {
            throw new MojoExecutionException(MavenWords.cannotRead(folder, e), e);
        }
        ProviderOverviewText text = new ProviderOverviewText(overview);
        List<String> selected = commaList(providerNames);
        if (selected.isEmpty()) {
            text.table().forEach(getLog()::info);
            text.notes().forEach(getLog()::info);
            getLog().info(text.summary());
            getLog().info("Base URLs, key sources and errors of one provider: -Dcatalog.providers=<name>");
        } else {
            for (String name : selected) {
                text.detail(name).forEach(getLog()::info);
            }
        }
        overview.historyProblem()
                .ifPresent(p -> getLog().warn("failed_models.json could not be read: " + p
                        + "; the next fetch keeps it as failed_models.json.broken and starts a new history"));
    }
}
