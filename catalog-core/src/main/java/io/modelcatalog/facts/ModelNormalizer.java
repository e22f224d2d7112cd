package io.modelcatalog.facts;

import io.modelcatalog.documents.ModelList;
import io.modelcatalog.providers.ProviderDefinition;
import io.modelcatalog.providers.ProviderKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a provider's model list into one {@link ModelFacts} per distinct model. Stateless and thread-safe. */
public final class ModelNormalizer {

    /**
     * From this many dated models on, one shared creation day for all of them is taken for a stamp (Mistral,
     * Moonshot and others send the time of the response; Atlas Cloud and Infermatic a constant), not for releases.
     */
    static final int STAMP_MIN_MODELS = 3;

    private final Optional<LiteLlmMap> liteLlm;

    /** @param liteLlm LiteLLM's map when the catalog holds it: fills what a provider leaves out */
    public ModelNormalizer(Optional<LiteLlmMap> liteLlm) {
        this.liteLlm = liteLlm;
    }

    /**
     * The provider's models in catalog order, one per distinct config name (Gemini's {@code models/x} and
     * {@code x} would be one model; the first entry wins).
     */
    public List<ModelFacts> normalize(ProviderDefinition provider, ModelList list) {
        ProviderShape shape = ProviderShape.forProvider(provider.name(), provider.kind() == ProviderKind.ANTHROPIC);
        List<ModelFacts> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        list.entries().forEach((id, entry) -> {
            ModelFacts facts = shape.read(id, entry);
            if (!names.add(facts.name())) {
                return;
            }
            if (liteLlm.isPresent() && shape != ProviderShape.LITELLM) {
                Optional<ModelFacts> known = liteLlm.get().lookup(provider.name(), facts.name());
                if (known.isPresent()) {
                    facts = facts.fillGapsFrom(known.get());
                }
            }
            read.add(facts);
        });
        boolean datesAreReleases = !isStamp(read);
        List<ModelFacts> out = new ArrayList<>(read.size());
        for (ModelFacts m : read) {
            out.add(completed(m, datesAreReleases));
        }
        return out;
    }

    /** Whether the provider gives every one of (enough) dated models the same day. */
    private static boolean isStamp(List<ModelFacts> models) {
        Set<LocalDate> days = new HashSet<>();
        int dated = 0;
        for (ModelFacts m : models) {
            if (m.created() != null) {
                dated++;
                days.add(day(m.created()));
            }
        }
        return dated >= STAMP_MIN_MODELS && days.size() == 1;
    }

    /**
     * Adds the release date, and for a chat model known to take images whose provider lists no modalities,
     * text and image in, text out (recorded as from LiteLLM when the vision or kind fact was).
     */
    private static ModelFacts completed(ModelFacts m, boolean datesAreReleases) {
        LocalDate release = datesAreReleases && m.created() != null ? day(m.created()) : null;
        Set<Modality> in = m.inputModalities();
        Set<Modality> out = m.outputModalities();
        Set<Fact> fromLiteLlm = m.fromLiteLlm();
        if (in == null && out == null && Boolean.TRUE.equals(m.vision()) && m.kind() == ModelKind.CHAT) {
            in = EnumSet.of(Modality.TEXT, Modality.IMAGE);
            out = EnumSet.of(Modality.TEXT);
            if (fromLiteLlm.contains(Fact.VISION) || fromLiteLlm.contains(Fact.KIND)) {
                EnumSet<Fact> taken = EnumSet.copyOf(fromLiteLlm);
                taken.add(Fact.INPUT_MODALITIES);
                taken.add(Fact.OUTPUT_MODALITIES);
                fromLiteLlm = taken;
            }
        }
        if (release == null && in == m.inputModalities() && out == m.outputModalities()) {
            return m;
        }
        return m.with(in, out, release, fromLiteLlm);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
