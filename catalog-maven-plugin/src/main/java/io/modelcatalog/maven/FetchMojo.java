package io.modelcatalog.maven;

import io.modelcatalog.fetching.CatalogFetch;
import io.modelcatalog.fetching.FetchListener;
import io.modelcatalog.fetching.FetchOptions;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.InvalidSettingException;
import io.modelcatalog.fetching.NetworkPolicy;
import io.modelcatalog.fetching.ResponseCache;
import io.modelcatalog.providers.EnvironmentLookup;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.text.DurationText;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fetches the model lists of all (or the selected) providers at once and writes each as <code>models_{provider}.json</code>,
 * {@code .txt} and {@code .toml}, byte for byte as the legacy {@code dump_models.py}, plus
 * {@code failed_models.json} and, for Chutes, {@code chutes_chutes.json}. A provider that fails keeps its
 * previous files and is recorded in {@code failed_models.json}; the build fails only with
 * {@code catalog.failOnError}.
 *
 * <p>Keys come from each provider's legacy environment variable or a {@code settings.xml} server entry with
 * id <code>catalog-{provider}</code>; a provider without a key is skipped.
 *
 * <p>With {@code catalog.from=GROUP:ARTIFACT:VERSION} it asks no provider: it resolves the catalog that the package
 * goal attached and a build deployed, checks it and puts it in place of the folder's catalog (see {@link #from}).
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public class FetchMojo extends AbstractCatalogMojo {

    /**
     * {@code legacy}: flat <code>models_{provider}.*</code> files; {@code structured}: {@code json/}, {@code txt/}, {@code toml/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.layout", defaultValue = "legacy")
    private String layout;

    /**
     * Skip a provider whose three files exist (the legacy tool's default behaviour).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.skipExisting", defaultValue = "false")
    private boolean skipExisting;

    /**
     * Fetch only the providers marked failed in {@code failed_models.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.failedRescan", defaultValue = "false")
    private boolean failedRescan;

    /**
     * Fail the build when a provider fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.failOnError", defaultValue = "false")
    private boolean failOnError;

    /**
     * The time allowed for one request (connect, each read, and the whole exchange): seconds ({@code 30}), a number
     * with a unit ({@code 30s}, {@code 500ms}, {@code 2m}) or an ISO-8601 duration ({@code PT30S}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.timeout", defaultValue = "30")
    private String timeout;

    /**
     * Further attempts after a failed one (429, 5xx, connection errors, timeouts).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.retries", defaultValue = "2")
    private int retries;

    /**
     * The longest {@code Retry-After} honoured, in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.retryAfterCap", defaultValue = "30")
    private int retryAfterCap;

    /**
     * Bodies larger than this many bytes fail their provider.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.maxResponseBytes", defaultValue = "67108864")
    private long maxResponseBytes;

    /**
     * Providers fetched at once.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.concurrency", defaultValue = "64")
    private int concurrency;

    /**
     * Where raw responses are kept for conditional requests (ETag/Last-Modified) and offline runs. A folder of
     * recorded responses doubles as a replay source. Default: the plugin's own folder, {@code $XDG_CACHE_HOME/model-catalog} when that
     * variable is an absolute path, else {@code ~/.cache/model-catalog} ({@code ~} is {@code $HOME}, else
     * {@code user.home}); see <a href="../files.html">Files the plugin writes</a>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.cacheDirectory")
    private File cacheDirectory;

    /**
     * Build the outputs from the cache alone, sending no request (also on with Maven's {@code -o}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.offline", defaultValue = "false")
    private boolean offline;

    /**
     * Write a list even when it has less than half the models of the current file (or none).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.allowShrink", defaultValue = "false")
    private boolean allowShrink;

    /**
     * A JSON file to write the model ids added and removed per provider into.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.changesFile")
    private File changesFile;

    /**
     * Take the catalog from the artifact {@code GROUP:ARTIFACT:VERSION} (type {@code zip}, classifier
     * {@code catalog}, as the package goal attaches it) instead of asking the providers: resolved through the build's
     * repositories, mirrors, proxies and server credentials (or the local repository, offline), every file checked
     * against the zip's manifest, then the catalog replaced as a whole, all or nothing. The version may be a range
     * ({@code [1.0,2.0)}), resolved as Maven resolves one. Needs no key; the provider settings do not apply.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.from")
    private String from;

    /**
     * With {@code catalog.from}: the SHA-256 the zip must have (64 hex digits), pinning the artifact's bytes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.fromSha256")
    private String fromSha256;

    /**
     * With {@code catalog.from}: the most bytes the catalog's files may have together (1 GiB).
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.fromMaxBytes", defaultValue = "1073741824")
    private long fromMaxBytes;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "catalog.fetch.skip", defaultValue = "false")
    private boolean fetchSkip;

    /** How often the providers still running are named; not a parameter (a test shortens it). */
    private Duration progressInterval = FetchListener.WAITING_INTERVAL;

    private final MavenNetwork network;

    private final CatalogArtifacts artifacts;

    @Inject
    public FetchMojo(MavenNetwork network, CatalogArtifacts artifacts) {
        this.network = network;
        this.artifacts = artifacts;
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
        File folder = catalogFolder();
        File cache = cacheFolder(cacheDirectory);
        if (from != null && !from.isBlank()) {
            new ArtifactFetch(
                            from,
                            fromSha256,
                            fromMaxBytes,
                            folder,
                            cache.toPath().resolve("locks"))
                    .run(artifacts, session, project, getLog());
            getLog().info("Catalog: " + folder.toPath().normalize());
            return;
        }
        EnvironmentLookup env = environment;
        List<ProviderDefinition> selected = selectedProviders(registry());
        FetchOptions options = FetchOptions.builder(folder.toPath())
                .layout(layout(layout))
                .providers(selected)
                .skipExisting(skipExisting)
                .failedRescan(failedRescan)
                .env(env)
                .credentials(network.credentials(session, env, getLog()))
                .network(networkPolicy())
                .cache(new ResponseCache(cache.toPath()))
                .allowShrink(allowShrink)
                .build();
        getLog().info("Fetching " + selected.size() + " provider" + (selected.size() == 1 ? "" : "s") + " into "
                + folder + (failedRescan ? " (failed rescan)" : "")
                + (options.network().offline() ? " offline, from the cache in " + cache : ""));
        FetchReport report;
        try {
            report = new CatalogFetch(options)
                    .run(new FetchProgressLog(
                            getLog(),
                            failOnError,
                            selected.stream().map(ProviderDefinition::name).toList(),
                            progressInterval));
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Fetch into " + folder + " failed: " + MavenWords.of(e, "catalog.outputDirectory"), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Fetch into " + folder + " failed: " + e.getMessage(), e);
        }
        FetchReportLog.write(report, selected, getLog());
        LayoutWarning.check(folder, getLog());
        FetchReportLog.writeChanges(report, changesFile, getLog());
        // where it is, aligned with generate-configs' Configs: and the report's Report: lines
        getLog().info("Catalog: " + folder.toPath().normalize());
        if (failOnError && !report.failures().isEmpty()) {
            throw new MojoFailureException(FetchReportLog.failures(report, folder));
        }
    }

    private NetworkPolicy networkPolicy() throws MojoExecutionException {
        try {
            return NetworkPolicy.defaults()
                    .withOffline(offline || (session != null && session.isOffline()))
                    .withTimeout(DurationText.parse(timeout)
                            .orElseThrow(() -> new MojoExecutionException(
                                    "catalog.timeout=" + timeout + ": expected " + DurationText.FORMS)))
                    .withRetries(retries)
                    .withRetryAfterCap(Duration.ofSeconds(retryAfterCap))
                    .withMaxResponseBytes(maxResponseBytes)
                    .withConcurrency(concurrency)
                    .withProxies(network.proxies(session, getLog()));
        } catch (InvalidSettingException e) {
            throw new MojoExecutionException("Invalid fetch setting catalog." + e.setting() + ": must be "
                    + e.requirement() + ", was " + e.value());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid fetch setting: " + e.getMessage());
        }
    }
}
