package io.modelcatalog.maven;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.fetching.ChangeReport;
import io.modelcatalog.fetching.FetchReport;
import io.modelcatalog.fetching.ProviderOutcome;
import io.modelcatalog.fetching.ProviderOutcome.Fetched;
import io.modelcatalog.fetching.ProviderOutcome.Skipped;
import io.modelcatalog.files.AtomicFiles;
import io.modelcatalog.files.FileErrors;
import io.modelcatalog.providers.ProviderDefinition;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The fetch goal's log once the run is over, in provider order (the providers' own lines came as they completed,
 * from {@link FetchProgressLog}): the skipped providers in one line each kind, a plain warning when no provider had
 * a key, the summary, then the model changes (one line for the providers fetched for the first time).
 */
final class FetchReportLog {

    /** How many ids of a change are named. */
    private static final int SHOWN_IDS = 5;

    private FetchReportLog() {}

    /** Logs the report; {@code selected} are the providers of the run, for their key variables. */
    static void write(FetchReport report, List<ProviderDefinition> selected, Log log) {
        List<String> noKey = names(report.skipped(Skipped.Reason.NO_KEY));
        List<String> existing = names(report.skipped(Skipped.Reason.FILES_EXIST));
        boolean anyKeyed = report.outcomes().stream().anyMatch(o -> !isSkippedWithoutKey(o) && needsKey(selected, o));
        if (!noKey.isEmpty() && !anyKeyed) {
            log.warn(nothingFetched(noKey, selected));
        } else if (!noKey.isEmpty()) {
            log.info(noKey.size() + " skipped without an API key: " + String.join(", ", noKey)
                    + " (set their key variables or settings.xml <server>s " + MavenNetwork.SERVER_ID_PREFIX
                    + "<provider>; -X names each one's variable)");
        }
        if (!existing.isEmpty()) {
            log.info(existing.size() + " skipped, their three files exist (catalog.skipExisting): "
                    + String.join(", ", existing));
        }
        log.info(report.summary());
        if (log.isDebugEnabled()) {
            log.debug("at most " + report.parsedAtOnce() + " provider(s) parsed and written at once");
        }
        List<Fetched> fetched = report.of(Fetched.class);
        List<Fetched> first =
                fetched.stream().filter(FetchReportLog::firstFetch).toList();
        if (first.size() > 1) {
            log.info("  first fetch of " + first.size() + " providers: "
                    + first.stream().mapToLong(Fetched::models).sum() + " models added ("
                    + String.join(", ", names(first))
                    + ")");
        }
        for (Fetched o : fetched) {
            if (o.changed() && (first.size() <= 1 || !firstFetch(o))) {
                log.info("  " + o.provider() + ": " + describe("added", o.added()) + "; "
                        + describe("removed", o.removed()));
            }
        }
    }

    /** Writes the run's model changes as JSON to {@code changesFile}, when one is configured. */
    static void writeChanges(FetchReport report, File changesFile, Log log) throws MojoExecutionException {
        if (changesFile == null) {
            return;
        }
        try {
            AtomicFiles.write(changesFile.toPath(), ChangeReport.toJson(report));
            log.info("Model changes written to " + changesFile);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot write catalog.changesFile " + changesFile + ": " + FileErrors.explain(e), e);
        }
    }

    /** The message that fails the build under {@code catalog.failOnError}: which providers, and where to look. */
    static String failures(FetchReport report, File folder) {
        return report.failures().size() + " provider(s) failed: "
                + String.join(", ", names(report.failures()))
                + "; see the lines above and " + new File(folder, CatalogLayout.FAILED_MODELS)
                + " (catalog.failOnError=true)";
    }

    /**
     * No provider that needs a key had one, so nothing but the keyless sources was fetched: said plainly, with
     * the way to set a key.
     */
    private static String nothingFetched(List<String> noKey, List<ProviderDefinition> selected) {
        Optional<ProviderDefinition> example = selected.stream()
                .filter(p -> noKey.contains(p.name()) && p.apiKeyEnv() != null)
                .findFirst();
        return "No provider had an API key, so none of the " + noKey.size() + " that need one was fetched ("
                + String.join(", ", noKey) + "). Set a provider's key variable"
                + example.map(p -> " (" + p.apiKeyEnv() + " for " + p.name() + ")")
                        .orElse("")
                + " or a settings.xml <server> with id " + MavenNetwork.SERVER_ID_PREFIX + "<provider>"
                + " and run again; the providers goal lists every provider's variable";
    }

    private static boolean needsKey(List<ProviderDefinition> selected, ProviderOutcome o) {
        return selected.stream()
                .anyMatch(p -> p.name().equals(o.provider()) && p.kind().needsKey());
    }

    private static boolean isSkippedWithoutKey(ProviderOutcome o) {
        return o instanceof Skipped s && s.reason() == Skipped.Reason.NO_KEY;
    }

    /** A provider written for the first time: every model is new and none was there before. */
    private static boolean firstFetch(Fetched o) {
        return o.models() > 0 && o.removed().isEmpty() && o.added().size() == o.models();
    }

    private static List<String> names(List<? extends ProviderOutcome> outcomes) {
        return outcomes.stream().map(ProviderOutcome::provider).toList();
    }

    private static String describe(String what, List<String> ids) {
        int shown = Math.min(ids.size(), SHOWN_IDS);
        return ids.size() + " " + what
                + (ids.isEmpty()
                        ? ""
                        : " (" + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", ..." : "") + ")");
    }
}
