package io.modelcatalog.clean;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a clean removed (or, in a dry run, would remove), and what it left although it looked like its own.
 *
 * @param removed each file with why it is the plugin's own, in path order
 * @param kept    generated files left in place, with the reason
 * @param dryRun  whether nothing was removed
 */
public record CleanResult(Map<Path, Reason> removed, List<Kept> kept, boolean dryRun) {

    public CleanResult {
        removed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(removed));
        kept = List.copyOf(kept);
    }

    /** Why a file is the plugin's own. */
    public enum Reason {
        /** Listed in the configs folder's manifest with the same bytes, or starting with the generators' header. */
        GENERATED_CONFIG("generated config"),
        /** Left by an interrupted atomic write. */
        TEMPORARY_FILE("temporary file of an interrupted write"),
        /** {@code failed_models.json}. */
        FAILURE_HISTORY("failure history"),
        /** A cached response body, its metadata or lock. */
        CACHED_RESPONSE("cached response");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A file left in place. */
    public record Kept(Path file, String why) {}
}
