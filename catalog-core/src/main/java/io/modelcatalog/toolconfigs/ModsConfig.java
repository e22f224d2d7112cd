package io.modelcatalog.toolconfigs;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.ModelFacts;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code mods/models_<p>.yml}: an {@code apis:} map with one API for the provider ({@code base-url},
 * {@code api-key-env}, {@code models}). Each model gets {@code max-input-chars} (3 characters per token of
 * context) when its context window is known, and no aliases: an alias would have to be invented.
 */
public final class ModsConfig implements ToolWriter {

    static final int CHARS_PER_TOKEN = 3;

    @Override
    public String id() {
        return "mods";
    }

    @Override
    public List<ToolFile> files(ProviderModels models) {
        return List.of(new ToolFile("models_" + models.provider() + ".yml", toBytes(models)));
    }

    @Override
    public String providerName(String provider) {
        return apiName(provider);
    }

    /** The API name: the provider name, or {@code <name>-catalog} when mods reserves the name. */
    public static String apiName(String provider) {
        return ReservedNames.avoid(provider, ReservedNames.MODS_API_NAMES);
    }

    public static byte[] toBytes(ProviderModels p) {
        StringBuilder y = new StringBuilder(256 + p.models().size() * 80);
        y.append(p.header("#"));
        String api = apiName(p.provider());
        if (!api.equals(p.provider())) {
            y.append("# mods reserves the API name '")
                    .append(p.provider())
                    .append("' for a special client; this one is '")
                    .append(api)
                    .append("', OpenAI-compatible\n");
        }
        y.append("apis:\n");
        y.append("  ").append(YamlText.quote(api)).append(":\n");
        y.append("    base-url: ").append(YamlText.quote(p.baseUrl())).append('\n');
        if (p.apiKeyEnv() != null) {
            y.append("    api-key-env: ").append(YamlText.quote(p.apiKeyEnv())).append('\n');
        }
        if (p.models().isEmpty()) {
            y.append("    models: {}\n");
            return y.toString().getBytes(StandardCharsets.UTF_8);
        }
        y.append("    models:\n");
        for (ModelFacts m : p.models()) {
            y.append("      ").append(YamlText.quote(m.name())).append(':');
            if (m.contextWindow() == null) {
                y.append(" {}\n");
                continue;
            }
            y.append('\n');
            y.append("        max-input-chars: ").append(m.contextWindow() * CHARS_PER_TOKEN);
            if (m.fromLiteLlm().contains(Fact.CONTEXT_WINDOW)) {
                y.append(" # context window from LiteLLM's map");
            }
            y.append('\n');
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }
}
