package io.modelcatalog.configupdate;

import io.modelcatalog.configediting.TomlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.TomlTable;

/**
 * What the pinned codex ({@value #CODEX_VERSION}) refuses in a {@code config.toml} when it loads it (always under
 * {@code --strict-config}, and for most of these without it too), found in content that update-configs leaves alone:
 * the user's own. Only what that version is tested to refuse (an integration test runs each case through the real
 * binary) is listed, so the list says nothing about keys codex merely ignores. codex stops at the first of them, so
 * all of them are told at once, each with its line and what to do.
 */
public final class CodexStrictConfig {

    /** The codex version each refusal below was checked against. */
    public static final String CODEX_VERSION = "0.169.0";

    /** Provider ids that name codex's own providers, which a config cannot redefine. */
    static final Set<String> RESERVED_PROVIDERS = Set.of("openai", "ollama", "lmstudio");

    /** The keys the built-in {@code amazon-bedrock} provider lets a config change. */
    static final Set<String> BEDROCK_KEYS = Set.of("base_url", "auth", "http_headers", "aws");

    /** Top-level fields codex no longer has, each with what to do instead. */
    static final Map<String, String> REMOVED_FIELDS = Map.of(
            "disable_response_storage", "delete the line: codex no longer has this setting",
            "model_max_output_tokens", "delete the line: codex no longer has this setting",
            "sandbox",
                    "move its settings to sandbox_mode = \"...\" and [sandbox_workspace_write], then delete the"
                            + " [sandbox] table");

    /** Fields that codex refuses in a legacy {@code [profiles.<name>]} table (a profile file holds them now). */
    static final Set<String> REMOVED_PROFILE_FIELDS = Set.of("model_context_window", "model_max_output_tokens");

    private static final String PROVIDERS = "model_providers";

    private static final String PROFILES = "profiles";

    private CodexStrictConfig() {}

    /** The refusals in {@code doc} (a config.toml as it will be written), in line order. */
    public static List<Notice.CodexRefusal> refusals(TomlDocument doc) {
        List<Notice.CodexRefusal> out = new ArrayList<>();
        for (String key : doc.table().keySet()) {
            String remedy = REMOVED_FIELDS.get(key);
            if (remedy != null) {
                out.add(refusal(doc, List.of(key), "unknown configuration field `" + key + "`", remedy));
            }
        }
        if (doc.table().get(List.of(PROVIDERS)) instanceof TomlTable providers) {
            for (String id : providers.keySet()) {
                if (!(providers.get(List.of(id)) instanceof TomlTable provider)) {
                    continue;
                }
                List<String> path = List.of(PROVIDERS, id);
                if (RESERVED_PROVIDERS.contains(id)) {
                    out.add(refusal(
                            doc,
                            path,
                            "[" + PROVIDERS + "." + id + "] redefines codex's built-in provider `" + id + "`",
                            "delete the table to use codex's own " + id + " provider, or rename it (for example ["
                                    + PROVIDERS + "." + id + "-custom]) and every model_provider = \"" + id
                                    + "\" that means it"));
                } else if (id.equals("amazon-bedrock")) {
                    List<String> refused = provider.keySet().stream()
                            .filter(k -> !BEDROCK_KEYS.contains(k))
                            .sorted()
                            .toList();
                    if (!refused.isEmpty()) {
                        out.add(refusal(
                                doc,
                                path,
                                "codex's built-in amazon-bedrock provider does not let a config set "
                                        + String.join(", ", refused),
                                "delete those keys (only base_url, auth, http_headers and aws.* can be changed)"));
                    }
                }
                if ("chat".equals(stringOrNull(provider, "wire_api"))) {
                    out.add(refusal(
                            doc,
                            List.of(PROVIDERS, id, "wire_api"),
                            "`wire_api = \"chat\"` is no longer supported",
                            "set wire_api = \"responses\" if the provider serves the Responses API; codex cannot"
                                    + " use one that serves only chat completions"));
                }
            }
        }
        profiles(doc, out);
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    /** One refusal for all legacy profile tables holding removed fields: there may be hundreds. */
    private static void profiles(TomlDocument doc, List<Notice.CodexRefusal> out) {
        if (!(doc.table().get(List.of(PROFILES)) instanceof TomlTable profiles)) {
            return;
        }
        int tables = 0;
        List<String> first = null;
        TreeSet<String> fields = new TreeSet<>();
        for (String name : profiles.keySet()) {
            if (profiles.get(List.of(name)) instanceof TomlTable profile) {
                boolean refused = false;
                for (String key : profile.keySet()) {
                    if (REMOVED_PROFILE_FIELDS.contains(key)) {
                        fields.add(key);
                        refused = true;
                        if (first == null) {
                            first = List.of(PROFILES, name, key);
                        }
                    }
                }
                tables += refused ? 1 : 0;
            }
        }
        if (first != null) {
            out.add(
                    refusal(
                            doc,
                            first,
                            tables + " legacy [profiles.*] table(s) hold fields codex refuses there ("
                                    + String.join(", ", fields) + "; the first here)",
                            "migrate the legacy profile tables to profile files (the command is below), or delete those lines"));
        }
    }

    private static String stringOrNull(TomlTable table, String key) {
        Object value = table.get(List.of(key));
        return value instanceof String s ? s : null;
    }

    private static Notice.CodexRefusal refusal(TomlDocument doc, List<String> path, String problem, String remedy) {
        return new Notice.CodexRefusal(doc.text().file(), doc.line(path) + 1, problem, remedy, CODEX_VERSION);
    }
}
