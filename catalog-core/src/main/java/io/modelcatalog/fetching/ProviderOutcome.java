package io.modelcatalog.fetching;

import io.modelcatalog.providers.UrlCredentials;
import java.util.List;

/**
 * What happened to one provider in a fetch run: its list was written ({@link Fetched}), its files held it already
 * ({@link Unchanged}), it was not asked for ({@link Skipped}), or it failed and its previous files are untouched
 * ({@link Failed}). Messages and warnings never hold a URL's user name or password.
 */
public sealed interface ProviderOutcome {

    /** The provider's name. */
    String provider();

    /** A provider whose list was received (or read from the cache) and is in the catalog now. */
    sealed interface Listed extends ProviderOutcome {

        /** Model ids in the list. */
        int models();

        /** Bytes of the body used (all pages), received or, for a 304 or offline, read from the cache. */
        long bytes();

        /** Wall time spent on the provider. */
        long millis();

        ListSource source();

        /** Things that went wrong without failing the provider (the enrichment), credentials in URLs masked. */
        List<String> warnings();
    }

    /**
     * Its list was written: at least one of its files changed.
     *
     * @param added   model ids new since the previous files (sorted by code point, distinct)
     * @param removed model ids gone since the previous files (sorted by code point, distinct)
     */
    record Fetched(
            String provider,
            int models,
            long bytes,
            long millis,
            ListSource source,
            List<String> added,
            List<String> removed,
            List<String> warnings)
            implements Listed {

        public Fetched {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            warnings = masked(warnings);
        }

        /** Whether the model ids changed since the previous files. */
        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /**
     * Its files already held the bytes its list makes and were left untouched.
     *
     * @param verified true when the files were found holding the bytes recorded for the very same inputs, so the
     *                 list was not even parsed; false when it was parsed and its files came out the same
     */
    record Unchanged(
            String provider,
            int models,
            long bytes,
            long millis,
            ListSource source,
            boolean verified,
            List<String> warnings)
            implements Listed {

        public Unchanged {
            warnings = masked(warnings);
        }
    }

    /**
     * Not asked for.
     *
     * @param message why, in plain words, without the provider's name
     */
    record Skipped(String provider, Reason reason, String message) implements ProviderOutcome {

        public Skipped {
            message = UrlCredentials.mask(message);
        }

        public enum Reason {
            /** No key was found (the message names the provider's key variable). */
            NO_KEY,
            /** Its three files exist and skip-existing is on. */
            FILES_EXIST
        }
    }

    /**
     * Failed; its previous files are untouched.
     *
     * @param problem the kind of problem, for the caller's remedy
     * @param message what went wrong, without the provider's name, credentials in URLs masked
     */
    record Failed(String provider, long millis, FetchProblem problem, String message) implements ProviderOutcome {

        public Failed {
            // second line of defence: a URL with credentials never reaches a log line or failed_models.json
            message = UrlCredentials.mask(message);
        }
    }

    private static List<String> masked(List<String> warnings) {
        return warnings.stream().map(UrlCredentials::mask).toList();
    }
}
