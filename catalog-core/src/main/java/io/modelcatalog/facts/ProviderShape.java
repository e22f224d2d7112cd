package io.modelcatalog.facts;

import static io.modelcatalog.facts.FactValues.bool;
import static io.modelcatalog.facts.FactValues.created;
import static io.modelcatalog.facts.FactValues.listed;
import static io.modelcatalog.facts.FactValues.modalities;
import static io.modelcatalog.facts.FactValues.perMillion;
import static io.modelcatalog.facts.FactValues.perMillionInUnits;
import static io.modelcatalog.facts.FactValues.perTokenAsPerMillion;
import static io.modelcatalog.facts.FactValues.text;
import static io.modelcatalog.facts.FactValues.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * How one provider's model entries say what they say. Every shape first reads the {@link #GENERIC} fields
 * (names that mean the same wherever they appear), then its own. A field whose unit differs between providers
 * (a bare number under {@code pricing}, {@code max_tokens}) is read only by the shape that knows its unit.
 */
public enum ProviderShape {

    /**
     * Fields whose meaning does not depend on the provider: {@code display_name}/{@code name},
     * {@code created}/{@code created_at}; context from {@code context_length}, {@code context_window} (Groq),
     * {@code max_context_length} (Mistral), {@code max_model_len} (vLLM, Chutes), {@code context_size},
     * {@code limits.context}; output from {@code max_completion_tokens}, {@code max_output_tokens},
     * {@code max_output_length}, {@code limits.completion}; prices from {@code pricing.prompt}/{@code completion}
     * when they are strings (OpenRouter's per-token convention, also used by Atlas Cloud, Baseten, SambaNova,
     * Targon); capability flags and lists ({@code supports_*}, {@code supported_features},
     * {@code supported_parameters}, {@code functionality.tool_call}); modality lists (top-level
     * {@code input_modalities}/{@code output_modalities}, the same under {@code architecture}, and
     * {@code modalities.input}/{@code output}), which also give vision and the kind. The kind also from
     * {@code supports_chat} and from what the prices bill ({@link #kindFromPricing}).
     */
    GENERIC {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.displayName(text(e.get("name"))).displayName(text(e.get("display_name")));
            b.created(created(e.get("created_at"))).created(created(e.get("created")));
            b.contextWindow(first(
                    e.get("context_length"),
                    e.get("context_window"),
                    e.get("max_context_length"),
                    e.get("max_model_len"),
                    e.get("context_size"),
                    e.path("limits").get("context")));
            b.maxOutputTokens(first(
                    e.get("max_completion_tokens"),
                    e.get("max_output_tokens"),
                    e.get("max_output_length"),
                    e.path("limits").get("completion")));
            JsonNode pricing = e.path("pricing");
            if (pricing.path("prompt").isTextual()) {
                b.inputPrice(perTokenAsPerMillion(pricing.get("prompt")));
            }
            if (pricing.path("completion").isTextual()) {
                b.outputPrice(perTokenAsPerMillion(pricing.get("completion")));
            }
            JsonNode features = e.get("supported_features");
            JsonNode parameters = e.get("supported_parameters");
            b.toolCalling(bool(e.get("supports_tools")))
                    .toolCalling(bool(e.get("supports_function_calling")))
                    .toolCalling(bool(e.path("functionality").get("tool_call")))
                    .toolCalling(listed(features, "tools"))
                    .toolCalling(listed(parameters, "tools"));
            b.reasoning(bool(e.get("supports_reasoning")))
                    .reasoning(listed(features, "reasoning"))
                    .reasoning(listed(parameters, "reasoning"));
            b.vision(bool(e.get("supports_vision")))
                    .vision(bool(e.get("supports_image_input")))
                    .vision(listed(e.get("input_modalities"), "image"))
                    .vision(listed(e.path("architecture").get("input_modalities"), "image"))
                    .vision(listed(e.path("modalities").get("input"), "image"));
            b.kind(kindFromOutput(e.get("output_modalities")))
                    .kind(kindFromOutput(e.path("architecture").get("output_modalities")));
            b.inputModalities(modalities(e.get("input_modalities")))
                    .inputModalities(modalities(e.path("architecture").get("input_modalities")))
                    .inputModalities(modalities(e.path("modalities").get("input")));
            b.outputModalities(modalities(e.get("output_modalities")))
                    .outputModalities(modalities(e.path("architecture").get("output_modalities")))
                    .outputModalities(modalities(e.path("modalities").get("output")));
            Boolean chat = bool(e.get("supports_chat"));
            if (chat != null) {
                b.kind(chat ? ModelKind.CHAT : ModelKind.OTHER);
            }
            if (b.kind() == null) {
                b.kind(kindFromPricing(pricing));
            }
        }
    },

    /**
     * OpenRouter and its clones (Redpill): the default route's limits in {@code top_provider} win over the
     * model's {@code context_length}; per-token price strings ({@code "-1"} for "varies" is absent);
     * {@code architecture} modalities; {@code supported_parameters} ({@code tools}, {@code reasoning}).
     */
    OPENROUTER {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            JsonNode top = e.path("top_provider");
            b.contextWindow(tokens(top.get("context_length")));
            b.maxOutputTokens(tokens(top.get("max_completion_tokens")));
        }
    },

    /**
     * LiteLLM's price map (keyed object): {@code max_input_tokens} and {@code max_output_tokens} (the legacy
     * {@code max_tokens} is ambiguous and not read), per-token costs, {@code supports_*}, {@code mode},
     * {@code supported_modalities} and {@code supported_output_modalities}.
     */
    LITELLM {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.inputModalities(modalities(e.get("supported_modalities")));
            b.outputModalities(modalities(e.get("supported_output_modalities")));
            b.contextWindow(tokens(e.get("max_input_tokens")));
            b.maxOutputTokens(tokens(e.get("max_output_tokens")));
            b.inputPrice(perTokenAsPerMillion(e.get("input_cost_per_token")));
            b.outputPrice(perTokenAsPerMillion(e.get("output_cost_per_token")));
            String mode = text(e.get("mode"));
            if (mode != null) {
                switch (mode) {
                    case "chat", "completion", "responses" -> b.kind(ModelKind.CHAT);
                    case "embedding" -> b.kind(ModelKind.EMBEDDING);
                    default -> b.kind(ModelKind.OTHER);
                }
            }
        }
    },

    /** Anthropic: {@code display_name}, {@code created_at}, and where present {@code max_input_tokens}, {@code max_tokens}. */
    ANTHROPIC {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.contextWindow(tokens(e.get("max_input_tokens")));
            b.maxOutputTokens(tokens(e.get("max_tokens")));
        }
    },

    /** Chutes: {@code max_model_len}; {@code pricing.prompt}/{@code completion} are numbers in USD per 1M tokens. */
    CHUTES {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.inputPrice(perMillion(e.path("pricing").get("prompt")));
            b.outputPrice(perMillion(e.path("pricing").get("completion")));
        }
    },

    /** Together (top-level array): {@code pricing.input}/{@code output} in USD per 1M tokens; {@code type}. */
    TOGETHER {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.inputPrice(perMillion(e.path("pricing").get("input")));
            b.outputPrice(perMillion(e.path("pricing").get("output")));
            String type = text(e.get("type"));
            if (type != null) {
                switch (type) {
                    case "chat", "language", "code" -> b.kind(ModelKind.CHAT);
                    case "embedding" -> b.kind(ModelKind.EMBEDDING);
                    default -> b.kind(ModelKind.OTHER);
                }
            }
        }
    },

    /**
     * Mistral: {@code max_context_length}; {@code capabilities} ({@code vision}, {@code function_calling};
     * chat or FIM completion makes a chat model; OCR, moderation, classification alone another kind; all flags
     * false, as for the embedding models, says nothing about the kind).
     */
    MISTRAL {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            JsonNode caps = e.path("capabilities");
            b.vision(bool(caps.get("vision"))).toolCalling(bool(caps.get("function_calling")));
            if (caps.path("completion_chat").asBoolean(false)
                    || caps.path("completion_fim").asBoolean(false)) {
                b.kind(ModelKind.CHAT);
            } else if (caps.path("ocr").asBoolean(false)
                    || caps.path("moderation").asBoolean(false)
                    || caps.path("classification").asBoolean(false)
                    || caps.path("audio").asBoolean(false)) {
                b.kind(ModelKind.OTHER);
            }
        }
    },

    /** Featherless: {@code context_length}, {@code max_completion_tokens}, {@code features.tool_use}. */
    FEATHERLESS {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.toolCalling(bool(e.path("features").get("tool_use")));
        }
    },

    /** Gemini's OpenAI endpoint: ids only, as {@code models/<name>}; configs use the name without the prefix. */
    GEMINI {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            if (b.id().startsWith("models/") && b.id().length() > "models/".length()) {
                b.name(b.id().substring("models/".length()));
            }
        }
    },

    /** DeepInfra: {@code metadata.context_length}; {@code metadata.pricing.input_tokens}/{@code output_tokens} per 1M. */
    DEEPINFRA {
        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            JsonNode m = e.path("metadata");
            b.contextWindow(tokens(m.get("context_length")));
            b.inputPrice(perMillion(m.path("pricing").get("input_tokens")));
            b.outputPrice(perMillion(m.path("pricing").get("output_tokens")));
        }
    },

    /**
     * Novita: {@code context_size}, {@code max_output_tokens}; {@code input_token_price_per_m} in 1/10000 USD
     * per 1M tokens; {@code features} ({@code function-calling}, {@code vision}, {@code reasoning});
     * {@code model_type}.
     */
    NOVITA {
        private final BigDecimal unitsPerDollar = BigDecimal.valueOf(10_000);

        @Override
        void readOwn(JsonNode e, ModelFacts.Builder b) {
            b.inputPrice(perMillionInUnits(e.get("input_token_price_per_m"), unitsPerDollar));
            b.outputPrice(perMillionInUnits(e.get("output_token_price_per_m"), unitsPerDollar));
            JsonNode features = e.get("features");
            b.toolCalling(listed(features, "function-calling"))
                    .vision(listed(features, "vision"))
                    .reasoning(listed(features, "reasoning"));
            String type = text(e.get("model_type"));
            if (type != null) {
                b.kind(
                        type.equals("chat")
                                ? ModelKind.CHAT
                                : type.equals("embedding") ? ModelKind.EMBEDDING : ModelKind.OTHER);
            }
        }
    };

    /** The shape's own fields, read after the generic ones; a known value replaces a generic one. */
    abstract void readOwn(JsonNode entry, ModelFacts.Builder builder);

    /** Normalizes one entry (for the keyed shape, the value under the id). */
    public ModelFacts read(String id, JsonNode entry) {
        ModelFacts.Builder b = ModelFacts.builder(id);
        JsonNode e = entry != null && entry.isObject() ? entry : MissingNode.getInstance();
        if (this != GENERIC) {
            GENERIC.readOwn(e, b);
        }
        readOwn(e, b);
        if (b.kind() == null && speaksChat(e, b)) {
            b.kind(ModelKind.CHAT);
        }
        return b.build();
    }

    /**
     * The kind that a price list says, in the per-token string convention ({@code pricing.prompt} and
     * {@code completion}): a price per hour ({@code duration_per_hour}, SambaNova's Whisper) bills audio by its
     * length, a speech model (other); input tokens billed and output exactly free (SambaNova's E5) is a model
     * that reads tokens and writes none, an embedding model. Null where the prices say nothing of the kind. Read
     * only where no field names the kind.
     */
    static ModelKind kindFromPricing(JsonNode pricing) {
        if (pricing.hasNonNull("duration_per_hour")) {
            return ModelKind.OTHER;
        }
        if (pricing.path("prompt").isTextual() && pricing.path("completion").isTextual()) {
            BigDecimal in = FactValues.decimal(pricing.get("prompt"));
            BigDecimal out = FactValues.decimal(pricing.get("completion"));
            if (in != null && out != null && in.signum() > 0 && out.signum() == 0) {
                return ModelKind.EMBEDDING;
            }
        }
        return null;
    }

    /**
     * Whether an entry that names no kind describes features of a chat endpoint: tool calls (as every shape reads
     * them: {@code supports_tools}, {@code functionality.tool_call}, {@code features.tool_use}, {@code tools} in a
     * feature or parameter list, ...), structured output ({@code json_mode}, {@code structured_outputs},
     * {@code response_format}, {@code functionality.structured_output}), stop sequences among the sampling
     * parameters, the chat template it is prompted with ({@code instruct_format}), or, at Hugging Face's router,
     * tools or structured output at one of the providers serving it. Only a model that writes text answers with
     * these.
     */
    private static boolean speaksChat(JsonNode e, ModelFacts.Builder b) {
        if (Boolean.TRUE.equals(b.toolCalling())
                || e.path("functionality").path("structured_output").asBoolean(false)
                || anyListed(e.get("supported_features"), "json_mode", "structured_outputs")
                || anyListed(e.get("supported_parameters"), "response_format", "structured_outputs")
                || anyListed(e.get("supported_sampling_parameters"), "stop")
                || text(e.get("instruct_format")) != null) {
            return true;
        }
        for (JsonNode serving : e.path("providers")) {
            if (serving.path("supports_tools").asBoolean(false)
                    || serving.path("supports_structured_output").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyListed(JsonNode array, String... values) {
        for (String v : values) {
            if (Boolean.TRUE.equals(listed(array, v))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shape of a provider's entries, by its name; providers of kind Anthropic read as {@link #ANTHROPIC}.
     * Unknown providers read the generic fields only.
     */
    public static ProviderShape forProvider(String provider, boolean anthropicKind) {
        if (anthropicKind) {
            return ANTHROPIC;
        }
        return switch (provider.toLowerCase(Locale.ROOT)) {
            case "openrouter", "redpill" -> OPENROUTER;
            case "litellm" -> LITELLM;
            case "anthropic" -> ANTHROPIC;
            case "chutes" -> CHUTES;
            case "togetherai" -> TOGETHER;
            case "mistral" -> MISTRAL;
            case "featherless" -> FEATHERLESS;
            case "gemini" -> GEMINI;
            case "deepinfra" -> DEEPINFRA;
            case "novita" -> NOVITA;
            default -> GENERIC;
        };
    }

    private static Long first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            Long v = tokens(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static ModelKind kindFromOutput(JsonNode outputModalities) {
        if (outputModalities == null || !outputModalities.isArray() || outputModalities.isEmpty()) {
            return null;
        }
        return FactValues.contains(outputModalities, "text") ? ModelKind.CHAT : ModelKind.OTHER;
    }
}
