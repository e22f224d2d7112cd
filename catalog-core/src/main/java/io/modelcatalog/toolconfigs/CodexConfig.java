package io.modelcatalog.toolconfigs;

import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.ModelFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Codex 0.169 configuration: {@code codex/models_<p>.toml} holds the provider's {@code [model_providers.<id>]}
 * table (with {@code wire_api = "responses"}, the only value codex still accepts), and
 * {@code codex/profiles/<profile>.config.toml} one self-contained profile per model: {@code model},
 * {@code model_provider}, {@code model_context_window} when known, and its own copy of the provider table,
 * so that the file works when copied alone to {@code $CODEX_HOME}.
 */
public final class CodexConfig implements ToolWriter {

    /** The folder of the per-model profiles, inside the codex folder. */
    public static final String PROFILES = "profiles";

    private static final String PROFILE_SUFFIX = ".config.toml";

    @Override
    public String id() {
        return "codex";
    }

    /** The provider file, then one profile per model. */
    @Override
    public List<ToolFile> files(ProviderModels models) {
        List<ToolFile> out = new ArrayList<>();
        out.add(new ToolFile("models_" + models.provider() + ".toml", providerFile(models)));
        profileFiles(models)
                .forEach((profile, bytes) -> out.add(new ToolFile(PROFILES + "/" + profile + PROFILE_SUFFIX, bytes)));
        return out;
    }

    @Override
    public String providerName(String provider) {
        return providerId(provider);
    }

    @Override
    public List<String> perModelFiles() {
        return List.of(PROFILES + "/*" + PROFILE_SUFFIX);
    }

    /** The {@code model_providers} id: the provider name, or {@code <name>-catalog} for a reserved id. */
    public static String providerId(String provider) {
        return ReservedNames.avoid(provider, ReservedNames.CODEX_PROVIDER_IDS);
    }

    /** The provider file's bytes. */
    public static byte[] providerFile(ProviderModels p) {
        StringBuilder t = new StringBuilder(512);
        t.append(p.header("#"));
        String id = providerId(p.provider());
        if (!id.equals(p.provider())) {
            t.append("# codex reserves the provider id '")
                    .append(p.provider())
                    .append("'; this provider is '")
                    .append(id)
                    .append("'\n");
        }
        t.append(
                "# One profile per model in profiles/: copy <profile>.config.toml to $CODEX_HOME and run codex --profile <profile>\n");
        t.append('\n');
        providerTable(t, p);
        return t.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each model's profile name and file bytes, in model order. */
    public static Map<String, byte[]> profileFiles(ProviderModels p) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        String id = providerId(p.provider());
        for (ModelFacts m : p.models()) {
            String profile = CodexProfileNames.profileName(p.provider(), m.name());
            StringBuilder t = new StringBuilder(512);
            t.append(p.header("#"));
            t.append("# codex --profile ").append(profile).append('\n');
            t.append("model = ").append(TomlText.basic(m.name())).append('\n');
            t.append("model_provider = ").append(TomlText.basic(id)).append('\n');
            if (m.contextWindow() != null) {
                t.append("model_context_window = ").append(m.contextWindow());
                if (m.fromLiteLlm().contains(Fact.CONTEXT_WINDOW)) {
                    t.append(" # from LiteLLM's map");
                }
                t.append('\n');
            }
            t.append('\n');
            providerTable(t, p);
            if (out.put(profile, t.toString().getBytes(StandardCharsets.UTF_8)) != null) {
                // only two hashed names with equal spellings and equal 32-bit hashes can get here
                throw GenerateConfigsException.sameFile(
                        Path.of(PROFILES, profile + PROFILE_SUFFIX), p.provider(), p.provider());
            }
        }
        return out;
    }

    private static void providerTable(StringBuilder t, ProviderModels p) {
        t.append("[model_providers.")
                .append(TomlText.key(providerId(p.provider())))
                .append("]\n");
        t.append("name = ").append(TomlText.basic(p.provider())).append('\n');
        t.append("base_url = ").append(TomlText.basic(p.baseUrl())).append('\n');
        if (p.apiKeyEnv() != null) {
            t.append("env_key = ").append(TomlText.basic(p.apiKeyEnv())).append('\n');
        }
        t.append("wire_api = \"responses\"\n");
    }
}
