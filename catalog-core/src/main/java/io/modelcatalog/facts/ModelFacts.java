package io.modelcatalog.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One model, normalized from its provider's own fields. A {@code null} component means the provider does not
 * say: nothing here is guessed or defaulted.
 *
 * @param id              the id as the provider lists it
 * @param name            the name to put in configs and send in requests (for Gemini's OpenAI endpoint the id
 *                        without its {@code models/} prefix; otherwise the id)
 * @param displayName     a human-readable name
 * @param contextWindow   tokens of input the model accepts (its context window)
 * @param maxOutputTokens tokens the model can produce in one response
 * @param inputPrice      USD per 1M input tokens
 * @param outputPrice     USD per 1M output tokens
 * @param vision          accepts images
 * @param toolCalling     supports tool (function) calling
 * @param reasoning       is a reasoning model (has a reasoning/thinking mode)
 * @param kind            chat, embedding or other
 * @param created         when the provider says the model was created
 * @param inputModalities  what the model takes, from a provider's modality list; or, for a chat model known to
 *                         take images ({@code vision}) whose provider lists no modalities, text and image
 * @param outputModalities what the model produces, from a provider's modality list; or text for such a chat model
 * @param releaseDate     the day (UTC) of {@code created}, unless the provider stamps all its models with one day
 *                        (the time of the response, or a constant), which says nothing about a release
 * @param fromLiteLlm     the facts that were absent from the provider's entry and came from LiteLLM's map
 */
public record ModelFacts(
        String id,
        String name,
        String displayName,
        Long contextWindow,
        Long maxOutputTokens,
        BigDecimal inputPrice,
        BigDecimal outputPrice,
        Boolean vision,
        Boolean toolCalling,
        Boolean reasoning,
        ModelKind kind,
        Instant created,
        Set<Modality> inputModalities,
        Set<Modality> outputModalities,
        LocalDate releaseDate,
        Set<Fact> fromLiteLlm) {

    public ModelFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        inputModalities = modalities(inputModalities);
        outputModalities = modalities(outputModalities);
        fromLiteLlm = fromLiteLlm == null || fromLiteLlm.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(fromLiteLlm));
    }

    /** Whether the fact has a value. */
    public boolean has(Fact fact) {
        return value(fact) != null;
    }

    /** The value of a fact, {@code null} when absent. */
    public Object value(Fact fact) {
        return switch (fact) {
            case DISPLAY_NAME -> displayName;
            case CONTEXT_WINDOW -> contextWindow;
            case MAX_OUTPUT_TOKENS -> maxOutputTokens;
            case INPUT_PRICE -> inputPrice;
            case OUTPUT_PRICE -> outputPrice;
            case VISION -> vision;
            case TOOL_CALLING -> toolCalling;
            case REASONING -> reasoning;
            case KIND -> kind;
            case CREATED -> created;
            case INPUT_MODALITIES -> inputModalities;
            case OUTPUT_MODALITIES -> outputModalities;
            case RELEASE_DATE -> releaseDate;
        };
    }

    /**
     * These facts with every absent one taken from {@code other} (a LiteLLM entry for the same model); the
     * taken facts are recorded in {@link #fromLiteLlm()}. Facts this record has are never replaced.
     */
    public ModelFacts fillGapsFrom(ModelFacts other) {
        EnumSet<Fact> taken = fromLiteLlm.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(fromLiteLlm);
        for (Fact f : Fact.values()) {
            if (!has(f) && other.has(f)) {
                taken.add(f);
            }
        }
        if (taken.equals(fromLiteLlm)) {
            return this;
        }
        return new ModelFacts(
                id,
                name,
                pick(displayName, other.displayName),
                pick(contextWindow, other.contextWindow),
                pick(maxOutputTokens, other.maxOutputTokens),
                pick(inputPrice, other.inputPrice),
                pick(outputPrice, other.outputPrice),
                pick(vision, other.vision),
                pick(toolCalling, other.toolCalling),
                pick(reasoning, other.reasoning),
                pick(kind, other.kind),
                pick(created, other.created),
                pick(inputModalities, other.inputModalities),
                pick(outputModalities, other.outputModalities),
                pick(releaseDate, other.releaseDate),
                taken);
    }

    /** These facts with modalities and release date replaced (the normalizer's provider-wide decisions). */
    ModelFacts with(Set<Modality> input, Set<Modality> output, LocalDate release, Set<Fact> fromLiteLlm) {
        return new ModelFacts(
                id,
                name,
                displayName,
                contextWindow,
                maxOutputTokens,
                inputPrice,
                outputPrice,
                vision,
                toolCalling,
                reasoning,
                kind,
                created,
                input,
                output,
                release,
                fromLiteLlm);
    }

    /** An unmodifiable set in {@link Modality} order; {@code null} or empty (nothing known) stays {@code null}. */
    private static Set<Modality> modalities(Set<Modality> m) {
        return m == null || m.isEmpty() ? null : Collections.unmodifiableSet(EnumSet.copyOf(m));
    }

    private static <T> T pick(T own, T other) {
        return own != null ? own : other;
    }

    /** Starts a record for a model; {@code name} defaults to the id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Collects facts while a shape reads an entry; later readers overwrite only with a known value. */
    public static final class Builder {
        private final String id;
        private String name;
        private String displayName;
        private Long contextWindow;
        private Long maxOutputTokens;
        private BigDecimal inputPrice;
        private BigDecimal outputPrice;
        private Boolean vision;
        private Boolean toolCalling;
        private Boolean reasoning;
        private ModelKind kind;
        private Instant created;
        private Set<Modality> inputModalities;
        private Set<Modality> outputModalities;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = id;
        }

        public String id() {
            return id;
        }

        /** The kind read so far; null while no reader has said. */
        ModelKind kind() {
            return kind;
        }

        /** Whether tool calls are taken, as read so far; null while no reader has said. */
        Boolean toolCalling() {
            return toolCalling;
        }

        public Builder name(String v) {
            if (v != null) name = v;
            return this;
        }

        public Builder displayName(String v) {
            if (v != null && !v.isBlank()) displayName = v;
            return this;
        }

        public Builder contextWindow(Long v) {
            if (v != null) contextWindow = v;
            return this;
        }

        public Builder maxOutputTokens(Long v) {
            if (v != null) maxOutputTokens = v;
            return this;
        }

        public Builder inputPrice(BigDecimal v) {
            if (v != null) inputPrice = v;
            return this;
        }

        public Builder outputPrice(BigDecimal v) {
            if (v != null) outputPrice = v;
            return this;
        }

        public Builder vision(Boolean v) {
            if (v != null) vision = v;
            return this;
        }

        public Builder toolCalling(Boolean v) {
            if (v != null) toolCalling = v;
            return this;
        }

        public Builder reasoning(Boolean v) {
            if (v != null) reasoning = v;
            return this;
        }

        public Builder kind(ModelKind v) {
            if (v != null) kind = v;
            return this;
        }

        public Builder created(Instant v) {
            if (v != null) created = v;
            return this;
        }

        public Builder inputModalities(Set<Modality> v) {
            if (v != null && !v.isEmpty()) inputModalities = v;
            return this;
        }

        public Builder outputModalities(Set<Modality> v) {
            if (v != null && !v.isEmpty()) outputModalities = v;
            return this;
        }

        public ModelFacts build() {
            return new ModelFacts(
                    id,
                    name,
                    displayName,
                    contextWindow,
                    maxOutputTokens,
                    inputPrice,
                    outputPrice,
                    vision,
                    toolCalling,
                    reasoning,
                    kind,
                    created,
                    inputModalities,
                    outputModalities,
                    null,
                    Set.of());
        }
    }
}
