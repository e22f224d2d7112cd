package io.modelcatalog.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * The providers a legacy {@code dump_models.py} defines, read from its two blocks as text.
 *
 * @param file      the script
 * @param providers its providers in the order of {@code PROVIDER_CONFIG}
 * @param notes     things worth telling that are not errors, in line order, e.g. a URL line
 *                  that no provider uses
 */
public record LegacyScript(Path file, List<ScriptProvider> providers, List<ScriptNote> notes) {

    public LegacyScript {
        providers = List.copyOf(providers);
        notes = List.copyOf(notes);
    }
}
