package io.modelcatalog.report;

import io.modelcatalog.facts.ModelFacts;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One provider of the report.
 *
 * @param name       the provider's name
 * @param kind       its kind ({@code openai}, {@code anthropic}, {@code url})
 * @param modelCount the number of model ids in its file; empty when it has no readable file
 * @param lastRun    its {@code failed_models.json} entry
 * @param models     its models' facts, in catalog order (empty for a data source)
 * @param dataSource whether it is a model data source (kind url, LiteLLM's map) rather than an API's model list
 * @param problem    why its file could not be read, if so
 */
public record ProviderEntry(
        String name,
        String kind,
        OptionalInt modelCount,
        RunRecord lastRun,
        List<ModelFacts> models,
        boolean dataSource,
        Optional<String> problem) {

    public ProviderEntry {
        models = List.copyOf(models);
    }
}
