package io.modelcatalog.toolconfigs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcatalog.facts.FactValues;
import io.modelcatalog.facts.Modality;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.providers.ProviderKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code opencode/models_<p>.json}: an OpenCode config ({@code opencode.json} shape, checked against
 * {@code opencode-ai} 1.18.33) holding one custom provider: {@code npm} ({@code @ai-sdk/anthropic} for
 * Anthropic, {@code @ai-sdk/openai-compatible} otherwise), {@code name}, {@code options.baseURL},
 * {@code options.apiKey} as {@code {env:<the key variable>}} (never a key), {@code whitelist} and
 * {@code models} keyed by model name.
 *
 * <p>Every model is {@code "status": "active"}: the provider's API lists it, and OpenCode would otherwise hide a
 * model its built-in catalog marks {@code deprecated} (gpt-4, open-mistral-nemo and others in 1.18.33).
 * Beyond that, per model only what the facts know: {@code name} (display name), {@code release_date},
 * {@code reasoning}, {@code tool_call}, {@code modalities}, {@code limit}, {@code cost} (USD per 1M tokens).
 * OpenCode requires {@code limit.context} and {@code limit.output} together, and {@code cost.input} and
 * {@code cost.output} together: a limit known on one side only is written with {@code 0} on the other, which is
 * what OpenCode itself takes for "unknown" (no automatic compaction; its default output cap); a price known on one
 * side only is left out, because {@code 0} would say "free".
 *
 * <p>The provider id is the catalog's provider name (letters, digits, {@code . _ -}: never a {@code /}, which
 * OpenCode's {@code provider/model} references split at). Where OpenCode's built-in catalog (models.dev) has a
 * provider of the same id (openai, anthropic, groq, mistral, openrouter and 14 more of the built-in providers in
 * 1.18.33), OpenCode merges the two; the {@code whitelist} keeps that provider to exactly the catalog's models,
 * while OpenCode's own facts still fill what the catalog does not say.
 *
 * <p>The provider entry is also available as data ({@link #providerEntry}) for merging into a user's config.
 */
public final class OpenCodeConfig implements ToolWriter {

    /** Nothing but the models and the code: a built-in writer has no options. */
    @Override
    public Optional<String> fingerprint() {
        return Optional.of(id());
    }

    /** OpenCode's config schema URL, the {@code $schema} of every file. */
    public static final String SCHEMA = "https://opencode.ai/config.json";

    /** The AI SDK packages OpenCode loads for a provider. */
    public static final String NPM_ANTHROPIC = "@ai-sdk/anthropic";

    public static final String NPM_OPENAI_COMPATIBLE = "@ai-sdk/openai-compatible";

    /** Made when a file is first rendered: a rerun that renders nothing (its record says so) never pays for it. */
    private static final class Json {
        static final ObjectWriter WRITER = writer();
    }

    @Override
    public String id() {
        return "opencode";
    }

    @Override
    public List<ToolFile> files(ProviderModels models) {
        return List.of(new ToolFile("models_" + models.provider() + ".json", toBytes(models)));
    }

    /** The key under {@code provider}: the catalog's provider name. */
    public static String providerId(String provider) {
        return provider;
    }

    /** The bytes of {@code opencode/models_<p>.json}: {@code $schema} and the provider under {@code provider}. */
    public static byte[] toBytes(ProviderModels p) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SCHEMA);
        root.putObject("provider").set(providerId(p.provider()), providerEntry(p));
        return toJson(root);
    }

    /** A JSON value as this writer prints it: two-space indent, {@code "key": value}, ASCII only, final newline. */
    public static byte[] toJson(ObjectNode node) {
        try {
            return (Json.WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /** The value of {@code provider.<id>}, as data: a fresh tree each call, free to be changed by the caller. */
    public static ObjectNode providerEntry(ProviderModels p) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("npm", p.kind() == ProviderKind.ANTHROPIC ? NPM_ANTHROPIC : NPM_OPENAI_COMPATIBLE);
        entry.put("name", p.provider());
        ObjectNode options = entry.putObject("options");
        options.put("baseURL", p.baseUrl());
        if (p.apiKeyEnv() != null) {
            options.put("apiKey", "{env:" + p.apiKeyEnv() + "}");
        }
        ArrayNode whitelist = entry.putArray("whitelist");
        ObjectNode models = entry.putObject("models");
        for (ModelFacts m : p.models()) {
            whitelist.add(m.name());
            models.set(m.name(), model(m));
        }
        return entry;
    }

    private static ObjectNode model(ModelFacts m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", "active");
        if (m.displayName() != null) {
            o.put("name", m.displayName());
        }
        if (m.releaseDate() != null) {
            o.put("release_date", m.releaseDate().toString());
        }
        if (m.reasoning() != null) {
            o.put("reasoning", m.reasoning());
        }
        if (m.toolCalling() != null) {
            o.put("tool_call", m.toolCalling());
        }
        if (m.inputModalities() != null || m.outputModalities() != null) {
            ObjectNode modalities = o.putObject("modalities");
            modalities(modalities, "input", m.inputModalities());
            modalities(modalities, "output", m.outputModalities());
        }
        if (m.contextWindow() != null || m.maxOutputTokens() != null) {
            ObjectNode limit = o.putObject("limit");
            limit.put("context", m.contextWindow() == null ? 0L : m.contextWindow());
            limit.put("output", m.maxOutputTokens() == null ? 0L : m.maxOutputTokens());
        }
        if (m.inputPrice() != null && m.outputPrice() != null) {
            ObjectNode cost = o.putObject("cost");
            cost.put("input", plain(m.inputPrice()));
            cost.put("output", plain(m.outputPrice()));
        }
        return o;
    }

    private static void modalities(ObjectNode parent, String key, Set<Modality> values) {
        if (values != null) {
            ArrayNode a = parent.putArray(key);
            values.forEach(v -> a.add(v.id()));
        }
    }

    private static BigDecimal plain(BigDecimal v) {
        return new BigDecimal(FactValues.plain(v));
    }

    private static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return mapper.writer(printer);
    }
}
