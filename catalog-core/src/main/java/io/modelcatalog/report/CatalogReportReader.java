package io.modelcatalog.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.catalog.CatalogFolder;
import io.modelcatalog.catalog.CatalogLayout;
import io.modelcatalog.catalog.FailedModels;
import io.modelcatalog.documents.DocumentParseException;
import io.modelcatalog.documents.JsonDocuments;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.facts.LiteLlmMap;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelNormalizer;
import io.modelcatalog.identity.CatalogListings;
import io.modelcatalog.identity.FamilyIndex;
import io.modelcatalog.identity.FamilyOverrides;
import io.modelcatalog.identity.Listing;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import io.modelcatalog.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a catalog folder (either layout) and its {@code failed_models.json} into a {@link CatalogReport}, with
 * every model normalized as the tool configs see it (LiteLLM's map, when the catalog holds it, fills what a
 * provider leaves out). Stateless.
 */
public final class CatalogReportReader {

    /** The provider whose document is LiteLLM's map; its facts fill in for the others. */
    private static final String LITELLM = "litellm";

    private CatalogReportReader() {}

    /**
     * Reads the report.
     *
     * @param registry the providers in force
     * @param folder   the catalog folder; it need not exist (the report then says so through its empty list)
     * @param selected providers to show; empty for every registered provider that has a file or a history entry
     * @param source   how the page names the folder
     * @throws io.modelcatalog.providers.UnknownProviderException when {@code selected} names an unknown provider
     * @throws IOException when the folder cannot be listed or a file cannot be read
     */
    public static CatalogReport read(ProviderRegistry registry, Path folder, List<String> selected, String source)
            throws IOException {
        return read(registry, folder, selected, source, FamilyOverrides.none());
    }

    /**
     * Reads the report, its families corrected by a providers file's overrides.
     *
     * @throws io.modelcatalog.identity.FamilyOverrideException for an override that names what the catalog lacks
     * @see #read(ProviderRegistry, Path, List, String)
     */
    public static CatalogReport read(
            ProviderRegistry registry, Path folder, List<String> selected, String source, FamilyOverrides overrides)
            throws IOException {
        List<ProviderDefinition> chosen = selected.isEmpty() ? List.of() : registry.select(selected);
        CatalogFolder catalog = CatalogFolder.detect(folder);
        List<String> notes = new ArrayList<>();

        Path historyFile = folder.resolve(CatalogLayout.FAILED_MODELS);
        FailedModels history = FailedModels.empty();
        List<String> historyNames = new ArrayList<>();
        try {
            history = FailedModels.read(historyFile);
            if (!history.isEmpty()) {
                JsonNode root = JsonDocuments.parse(Files.readAllBytes(historyFile), historyFile.toString());
                root.fieldNames().forEachRemaining(historyNames::add);
            }
        } catch (DocumentParseException e) {
            notes.add(CatalogLayout.FAILED_MODELS + " could not be read, so no run is shown: " + e.getMessage());
        }

        List<String> inCatalog = catalog.providers();
        TreeMap<String, ProviderDefinition> shown = new TreeMap<>();
        if (!chosen.isEmpty()) {
            chosen.forEach(p -> shown.put(p.name(), p));
        } else {
            for (ProviderDefinition p : registry.all()) {
                if (inCatalog.contains(p.name()) || historyNames.contains(p.name())) {
                    shown.put(p.name(), p);
                }
            }
            TreeSet<String> strays = new TreeSet<>();
            for (String name : inCatalog) {
                if (!registry.contains(name)) {
                    strays.add(catalog.layout().json(folder, name).getFileName().toString());
                }
            }
            if (!strays.isEmpty()) {
                notes.add("Files of no registered provider, not shown: " + String.join(", ", strays) + ".");
            }
            TreeSet<String> unknown = new TreeSet<>();
            for (String name : historyNames) {
                if (!registry.contains(name)) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                notes.add(CatalogLayout.FAILED_MODELS + " has entries of providers that are not registered: "
                        + String.join(", ", unknown) + ".");
            }
        }

        Optional<LiteLlmMap> liteLlm = Optional.empty();
        if (inCatalog.contains(LITELLM)) {
            try {
                liteLlm = catalog.read(LITELLM).map(LiteLlmMap::of);
            } catch (DocumentParseException e) {
                // reported on LiteLLM's own row when it is shown; the others are shown without its facts
            }
        }
        ModelNormalizer normalizer = new ModelNormalizer(liteLlm);

        List<ProviderEntry> entries = new ArrayList<>();
        List<Listing> listings = new ArrayList<>();
        for (ProviderDefinition p : shown.values()) {
            RunRecord run = history.entry(p.name()).map(RunRecord::of).orElse(RunRecord.none());
            boolean dataSource = p.kind() == ProviderKind.URL;
            OptionalInt count = OptionalInt.empty();
            List<ModelFacts> models = List.of();
            Optional<String> problem = Optional.empty();
            try {
                Optional<ModelList> list = catalog.read(p.name());
                if (list.isPresent()) {
                    count = OptionalInt.of(list.get().ids().size());
                    if (!dataSource) {
                        models = normalizer.normalize(p, list.get());
                        listings.addAll(CatalogListings.of(p.name(), list.get(), models, liteLlm));
                    }
                }
            } catch (DocumentParseException e) {
                problem = Optional.of(e.getMessage());
            }
            entries.add(new ProviderEntry(p.name(), p.kind().id(), count, run, models, dataSource, problem));
        }
        // Families from every API provider of the catalog, shown or not: a selection shows where else its models
        // are served, and overrides naming the others stay valid.
        for (ProviderDefinition p : registry.all()) {
            if (!shown.containsKey(p.name()) && p.kind() != ProviderKind.URL && inCatalog.contains(p.name())) {
                try {
                    Optional<ModelList> list = catalog.read(p.name());
                    if (list.isPresent()) {
                        listings.addAll(
                                CatalogListings.of(p.name(), list.get(), normalizer.normalize(p, list.get()), liteLlm));
                    }
                } catch (DocumentParseException e) {
                    // not shown, so not reported here: its models are in no family of the report
                }
            }
        }
        return new CatalogReport(source, catalog.layout(), entries, notes, FamilyIndex.build(listings, overrides));
    }
}
