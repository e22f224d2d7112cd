package io.modelcatalog.report;

import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.identity.FamilyIndex;
import java.util.List;
import java.util.Objects;

/**
 * What the catalog report shows: the providers of a catalog folder, each with its model count, its last run
 * as {@code failed_models.json} records it, and its models' normalized facts.
 *
 * @param source    how the page names the catalog folder (a path relative to the project, say)
 * @param layout    the folder's layout
 * @param providers the providers shown, sorted by name
 * @param notes     things a reader should know that belong to no provider (an unreadable history file, history
 *                  entries of providers that are not registered)
 * @param families  the catalog's models in families (the same weights wherever they are served), every API
 *                  provider of the catalog included, shown or not
 */
public record CatalogReport(
        String source, CatalogLayout layout, List<ProviderEntry> providers, List<String> notes, FamilyIndex families) {

    public CatalogReport {
        providers = List.copyOf(providers);
        notes = List.copyOf(notes);
        Objects.requireNonNull(families, "families");
    }

    /** Models over all providers that list models (data sources such as LiteLLM's map not counted). */
    public int modelCount() {
        return providers.stream()
                .filter(p -> !p.dataSource())
                .mapToInt(p -> p.models().size())
                .sum();
    }
}
