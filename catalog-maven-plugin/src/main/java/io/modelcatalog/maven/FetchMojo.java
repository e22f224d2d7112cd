package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.ChangeReport;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.fetching.ResponseCache;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderRegistry;
import io.modelcatalog.providers.UnknownProviderException;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Fetches the model lists of all (or the selected) providers at once and writes each as {@code models_<p>.json},
 * {@code .txt} and {@code .toml}, byte for byte as the legacy {@code dump_models.py}, plus
 * {@code failed_models.json} and, for Chutes, {@code chutes_chutes.json}. A provider that fails keeps its
 * previous files and is recorded in {@code failed_models.json}; the build fails only with
 * {@code catalog.failOnError}.
 *
 * <p>Keys come from each provider's legacy environment variable or a {@code settings.xml} {@code <server>} with
 * id {@code catalog-<provider>}; a provider without a key is skipped.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public class FetchMojo extends AbstractCatalogMojo {

    /** The catalog folder. */
    @Parameter(property = "catalog.outputDirectory", defaultValue = "${project.basedir}/models")
    private File outputDirectory;

    /** {@code legacy}: flat {@code models_<p>.*} files; {@code structured}: {@code json/}, {@code txt/}, {@code toml/}. */
    @Parameter(property = "catalog.layout", defaultValue = "legacy")
    private String layout;

    /** Comma list of provider names to fetch; all when empty. */
    @Parameter(property = "catalog.providers")
    private String providerNames;

    /** Skip a provider whose three files exist (the legacy tool's default behaviour). */
    @Parameter(property = "catalog.skipExisting", defaultValue = "false")
    private boolean skipExisting;

    /** Fetch only the providers marked failed in {@code failed_models.json}. */
    @Parameter(property = "catalog.failedRescan", defaultValue = "false")
    private boolean failedRescan;

    /** Fail the build when a provider fails. */
    @Parameter(property = "catalog.failOnError", defaultValue = "false")
    private boolean failOnError;

    /** Seconds allowed for one request (connect, each read, and the whole exchange). */
    @Parameter(property = "catalog.timeout", defaultValue = "30")
    private int timeout;

    /** Further attempts after a failed one (429, 5xx, connection errors, timeouts). */
    @Parameter(property = "catalog.retries", defaultValue = "2")
    private int retries;

    /** The longest {@code Retry-After} honoured, in seconds. */
    @Parameter(property = "catalog.retryAfterCap", defaultValue = "30")
    private int retryAfterCap;

    /** Bodies larger than this many bytes fail their provider. */
    @Parameter(property = "catalog.maxResponseBytes", defaultValue = "67108864")
    private long maxResponseBytes;

    /** Providers fetched at once. */
    @Parameter(property = "catalog.concurrency", defaultValue = "64")
    private int concurrency;

    /**
     * Where raw responses are kept for conditional requests (ETag/Last-Modified) and offline runs. A folder of
     * recorded responses doubles as a replay source.
     */
    @Parameter(property = "catalog.cacheDirectory", defaultValue = "${user.home}/.cache/model-catalog")
    private File cacheDirectory;

    /** Build the outputs from the cache alone, sending no request (also on with Maven's {@code -o}). */
    @Parameter(property = "catalog.offline", defaultValue = "false")
    private boolean offline;

    /** Write a list even when it has less than half the models of the current file (or none). */
    @Parameter(property = "catalog.allowShrink", defaultValue = "false")
    private boolean allowShrink;

    /** A JSON file to write the model ids added and removed per provider into. */
    @Parameter(property = "catalog.changesFile")
    private File changesFile;

    /** Skips this goal. */
    @Parameter(property = "catalog.fetch.skip", defaultValue = "false")
    private boolean fetchSkip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final SettingsDecrypter decrypter;

    @Inject
    public FetchMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    protected String goalName() {
        return "fetch";
    }

    @Override
    protected boolean goalSkipped() {
        return fetchSkip;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        File outputDirectory = resolvePath(this.outputDirectory, "models");
        File cacheDirectory = this.cacheDirectory != null
                ? resolvePath(this.cacheDirectory, ".cache/model-catalog")
                : new File(System.getProperty("user.home"), ".cache/model-catalog");
        CatalogLayout catalogLayout;
        try {
            catalogLayout = CatalogLayout.parse(layout);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("catalog.layout: " + e.getMessage());
        }
        ProviderRegistry registry = registry();
        List<ProviderDefinition> selected;
        try {
            selected = registry.select(commaList(providerNames));
        } catch (UnknownProviderException e) {
            throw new MojoExecutionException("catalog.providers: " + e.getMessage());
        }
        MavenNetwork network = new MavenNetwork(session, decrypter, getLog());
        NetworkPolicy policy;
        try {
            policy = NetworkPolicy.defaults()
                    .withOffline(offline || (session != null && session.isOffline()))
                    .withTimeout(Duration.ofSeconds(timeout))
                    .withRetries(retries, NetworkPolicy.defaults().retryBaseDelay(), Duration.ofSeconds(retryAfterCap))
                    .withMaxResponseBytes(maxResponseBytes)
                    .withConcurrency(concurrency)
                    .withProxies(network.proxies());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid fetch setting: " + e.getMessage());
        }
        EnvironmentLookup env = EnvironmentLookup.system();
        FetchOptions options = new FetchOptions(
                outputDirectory.toPath(),
                catalogLayout,
                selected,
                skipExisting,
                failedRescan,
                env,
                network.credentials(env),
                policy,
                Clock.systemDefaultZone(),
                new ResponseCache(cacheDirectory.toPath()),
                allowShrink);

        getLog().info("Fetching " + selected.size() + " provider" + (selected.size() == 1 ? "" : "s") + " into "
                + outputDirectory + (failedRescan ? " (failed rescan)" : "")
                + (policy.offline() ? " offline, from the cache in " + cacheDirectory : ""));
        FetchReport report;
        try {
            report = new CatalogFetch(options).run(outcome -> getLog().debug("done: " + outcome.provider()));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Fetch into " + outputDirectory + " failed: " + e.getMessage(), e);
        }
        logReport(report);
        writeChanges(report);
        if (failOnError && !report.failures().isEmpty()) {
            throw new MojoFailureException(report.failures().size() + " provider(s) failed: "
                    + String.join(
                            ", ",
                            report.failures().stream()
                                    .map(ProviderOutcome::provider)
                                    .toList())
                    + "; see the lines above and " + new File(outputDirectory, CatalogLayout.FAILED_MODELS)
                    + " (catalog.failOnError=true)");
        }
    }

    private void logReport(FetchReport report) {
        int width = report.outcomes().stream()
                .mapToInt(o -> o.provider().length())
                .max()
                .orElse(8);
        for (ProviderOutcome o : report.outcomes()) {
            String name = String.format("%-" + width + "s", o.provider());
            switch (o.status()) {
                case FETCHED:
                case UNCHANGED:
                    getLog().info(String.format(
                            "%s %6d models %10d bytes %6d ms  %s%s%s",
                            name,
                            o.models(),
                            o.bytes(),
                            o.millis(),
                            o.source(),
                            o.status() == ProviderOutcome.Status.UNCHANGED ? ", unchanged" : "",
                            o.changed()
                                    ? ", +" + o.added().size() + " -"
                                            + o.removed().size()
                                    : ""));
                    break;
                case SKIPPED_NO_KEY:
                case SKIPPED_EXISTING:
                    getLog().info(name + " skipped: " + o.message());
                    break;
                case FAILED:
                    String line = name + " FAILED: " + o.message();
                    if (failOnError) {
                        getLog().error(line);
                    } else {
                        getLog().warn(line);
                    }
                    break;
                default:
                    break;
            }
            o.warnings().forEach(w -> getLog().warn(o.provider() + ": " + w));
        }
        getLog().info(report.summary());
        for (ProviderOutcome o : report.outcomes()) {
            if (o.changed()) {
                getLog().info("  " + o.provider() + ": " + describe("added", o.added()) + "; "
                        + describe("removed", o.removed()));
            }
        }
    }

    private static String describe(String what, List<String> ids) {
        int shown = Math.min(ids.size(), 5);
        return ids.size() + " " + what
                + (ids.isEmpty()
                        ? ""
                        : " (" + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "") + ")");
    }

    private void writeChanges(FetchReport report) throws MojoExecutionException {
        if (changesFile == null) {
            return;
        }
        try {
            AtomicFiles.write(changesFile.toPath(), ChangeReport.toJson(report));
            getLog().info("Model changes written to " + changesFile);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write catalog.changesFile " + changesFile + ": " + e.getMessage(), e);
        }
    }
}
