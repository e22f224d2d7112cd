package io.modelcatalog.toolconfigs;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.FactValues;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.facts.ModelKind;
import io.modelcatalog.providers.ProviderKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aichat/models_<p>.yaml}: a {@code clients:} list with one client for the provider, written by hand so
 * the bytes are stable. Anthropic is aichat's {@code claude} client (its models carry
 * {@code require_max_tokens: true} and {@code max_output_tokens}); every other provider is
 * {@code openai-compatible}. No {@code api_key} is ever written: aichat reads {@code <NAME>_API_KEY}.
 */
public final class AichatConfig implements ToolWriter {

    @Override
    public String id() {
        return "aichat";
    }

    @Override
    public List<ToolFile> files(ProviderModels models) {
        return List.of(new ToolFile("models_" + models.provider() + ".yaml", toBytes(models)));
    }

    /**
     * The client name: aichat upper-cases it to find {@code <NAME>_API_KEY} and does not convert hyphens, so
     * every character outside {@code [A-Za-z0-9_]} becomes {@code _}.
     */
    public static String clientName(String provider) {
        return provider.replaceAll("[^A-Za-z0-9_]", "_");
    }

    public static byte[] toBytes(ProviderModels p) {
        boolean claude = p.kind() == ProviderKind.ANTHROPIC;
        String name = clientName(p.provider());
        String aichatKey = name.toUpperCase(Locale.ROOT) + "_API_KEY";
        StringBuilder y = new StringBuilder(256 + p.models().size() * 160);
        y.append(p.header("#"));
        if (p.apiKeyEnv() != null && !p.apiKeyEnv().equals(aichatKey)) {
            y.append("# aichat reads the key from ")
                    .append(aichatKey)
                    .append("; this provider's key is in ")
                    .append(p.apiKeyEnv())
                    .append(": export ")
                    .append(aichatKey)
                    .append("=\"$")
                    .append(p.apiKeyEnv())
                    .append("\"\n");
        }
        y.append("clients:\n");
        y.append("  - type: ").append(claude ? "claude" : "openai-compatible").append('\n');
        y.append("    name: ").append(YamlText.quote(name)).append('\n');
        y.append("    api_base: ").append(YamlText.quote(p.baseUrl())).append('\n');
        if (p.models().isEmpty()) {
            y.append("    models: []\n");
            return y.toString().getBytes(StandardCharsets.UTF_8);
        }
        y.append("    models:\n");
        for (ModelFacts m : p.models()) {
            List<String> fromLiteLlm = new ArrayList<>();
            y.append("      - name: ").append(YamlText.quote(m.name())).append('\n');
            if (m.kind() == ModelKind.EMBEDDING) {
                y.append("        type: embedding\n");
            } else if (m.kind() == ModelKind.OTHER) {
                y.append("        # the provider lists it, but it is neither a chat nor an embedding model\n");
            }
            field(y, "max_input_tokens", m.contextWindow(), m, Fact.CONTEXT_WINDOW, fromLiteLlm);
            field(y, "max_output_tokens", m.maxOutputTokens(), m, Fact.MAX_OUTPUT_TOKENS, fromLiteLlm);
            if (claude) {
                y.append("        require_max_tokens: true\n");
                if (m.maxOutputTokens() == null) {
                    y.append("        # max_output_tokens unknown: Anthropic requires max_tokens; set it here\n");
                }
            }
            field(
                    y,
                    "input_price",
                    m.inputPrice() == null ? null : FactValues.plain(m.inputPrice()),
                    m,
                    Fact.INPUT_PRICE,
                    fromLiteLlm);
            field(
                    y,
                    "output_price",
                    m.outputPrice() == null ? null : FactValues.plain(m.outputPrice()),
                    m,
                    Fact.OUTPUT_PRICE,
                    fromLiteLlm);
            field(y, "supports_vision", m.vision(), m, Fact.VISION, fromLiteLlm);
            field(y, "supports_function_calling", m.toolCalling(), m, Fact.TOOL_CALLING, fromLiteLlm);
            if (!fromLiteLlm.isEmpty()) {
                y.append("        # from LiteLLM's map: ")
                        .append(String.join(", ", fromLiteLlm))
                        .append('\n');
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(
            StringBuilder y, String key, Object value, ModelFacts m, Fact fact, List<String> fromLiteLlm) {
        if (value == null) {
            return;
        }
        y.append("        ").append(key).append(": ").append(value).append('\n');
        if (m.fromLiteLlm().contains(fact)) {
            fromLiteLlm.add(key);
        }
    }
}
