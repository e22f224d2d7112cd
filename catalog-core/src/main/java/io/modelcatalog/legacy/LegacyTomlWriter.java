package io.modelcatalog.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcatalog.documents.ModelList;
import io.modelcatalog.documents.TomlStrings;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code models_<p>.toml} in tomli_w formatting:
 *
 * <pre>
 * [model_providers.&lt;p&gt;]
 * base_url = "..."
 * name = "&lt;p&gt;"
 * wire_api = "chat"
 * env_key = "..."                 (omitted when null)
 *
 * [profiles.&lt;profile&gt;]
 * approval_policy = "never"
 * model = "&lt;id&gt;"
 * model_provider = "&lt;p&gt;"
 * model_reasoning_effort = "high"
 * model_context_window = &lt;int&gt;    (only when found)
 * model_max_output_tokens = &lt;int&gt; (only when found)
 * </pre>
 *
 * <p>One profile per id of the txt list, in that order; ids with the same {@link LegacyProfileNames profile name}
 * share one table at the first one's position with the last one's values. Without models the file ends with a
 * bare {@code [profiles]} table. One blank line between tables, {@code \n} after the last line.
 */
public final class LegacyTomlWriter {

    private static final List<String> CONTEXT_FIELDS =
            List.of("context_length", "context_window", "max_context_length", "max_tokens", "max_model_len");
    private static final List<String> MAX_OUTPUT_FIELDS =
            List.of("max_completion_tokens", "max_output_tokens", "max_tokens_output");
    private static final String TOP_PROVIDER = "top_provider";

    private LegacyTomlWriter() {}

    /**
     * @param provider provider name
     * @param baseUrl  the {@code base_url} value ({@code ProviderEndpoint#configBaseUrl()})
     * @param envKey   the provider's key variable, or {@code null} to omit {@code env_key}
     * @param list     the sorted model list
     */
    public static byte[] toBytes(String provider, String baseUrl, String envKey, ModelList list) {
        Map<String, JsonNode> details = list.entries();
        // profile name -> id; a repeated name keeps its first position and takes the last id (dict semantics)
        Map<String, String> profiles = new LinkedHashMap<>();
        for (String id : list.ids()) {
            profiles.put(LegacyProfileNames.profileName(provider, id), id);
        }

        StringBuilder sb = new StringBuilder(256 + profiles.size() * 200);
        sb.append("[model_providers.").append(key(provider)).append("]\n");
        sb.append("base_url = ");
        string(baseUrl, sb);
        sb.append("\nname = ");
        string(provider, sb);
        sb.append("\nwire_api = \"chat\"\n");
        if (envKey != null) {
            sb.append("env_key = ");
            string(envKey, sb);
            sb.append('\n');
        }
        if (profiles.isEmpty()) {
            sb.append("\n[profiles]\n");
        }
        for (Map.Entry<String, String> p : profiles.entrySet()) {
            String id = p.getValue();
            JsonNode element = details.get(id);
            sb.append("\n[profiles.").append(key(p.getKey())).append("]\n");
            sb.append("approval_policy = \"never\"\nmodel = ");
            string(id, sb);
            sb.append("\nmodel_provider = ");
            string(provider, sb);
            sb.append("\nmodel_reasoning_effort = \"high\"\n");
            BigInteger context = contextWindow(element);
            if (context != null) {
                sb.append("model_context_window = ").append(context).append('\n');
            }
            BigInteger maxOutput = maxOutputTokens(element);
            if (maxOutput != null) {
                sb.append("model_max_output_tokens = ").append(maxOutput).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The legacy context window of one model element: the first truthy (Python's sense) of
     * {@code context_length}, {@code context_window}, {@code max_context_length}, {@code max_tokens},
     * {@code max_model_len}; when the element has a {@code top_provider} key, {@code top_provider.context_length}
     * instead (even when null or absent); then {@link #legacyInt} of that value.
     */
    static BigInteger contextWindow(JsonNode element) {
        return legacyInt(lookup(element, CONTEXT_FIELDS, "context_length"));
    }

    /**
     * The legacy max output tokens: the first truthy of {@code max_completion_tokens}, {@code max_output_tokens},
     * {@code max_tokens_output}, replaced by {@code top_provider.max_completion_tokens} likewise; then
     * {@link #legacyInt}.
     */
    static BigInteger maxOutputTokens(JsonNode element) {
        return legacyInt(lookup(element, MAX_OUTPUT_FIELDS, "max_completion_tokens"));
    }

    /**
     * The legacy tool's {@code if value and isinstance(value, (int, str)): int(value)}: a falsy value ({@code 0},
     * {@code false}, {@code ""}, null, absent) gives nothing, even where it came from {@code top_provider}; a true
     * boolean gives 1 ({@code bool} is an {@code int}); a truthy string gives what {@code int()} makes of it, so
     * {@code "0"} gives 0; doubles, arrays and objects give nothing.
     */
    static BigInteger legacyInt(JsonNode value) {
        return truthy(value) ? pythonInt(value) : null;
    }

    private static JsonNode lookup(JsonNode element, List<String> fields, String topProviderField) {
        if (element == null || !element.isObject()) {
            return null;
        }
        JsonNode found = null;
        for (String f : fields) {
            JsonNode v = element.get(f);
            if (truthy(v)) {
                found = v;
                break;
            }
        }
        if (element.has(TOP_PROVIDER)) {
            JsonNode top = element.get(TOP_PROVIDER);
            found = top.isObject() ? top.get(topProviderField) : null;
        }
        return found;
    }

    /** Python's truth value of a JSON value; {@code null} (absent) is falsy. */
    static boolean truthy(JsonNode v) {
        if (v == null) {
            return false;
        }
        return switch (v.getNodeType()) {
            case NULL, MISSING -> false;
            case BOOLEAN -> v.booleanValue();
            case NUMBER ->
                v.isIntegralNumber()
                        ? (v.isBigInteger() ? v.bigIntegerValue().signum() != 0 : v.longValue() != 0)
                        : v.doubleValue() != 0.0; // NaN is truthy in Python, and NaN != 0.0
            case STRING -> !v.textValue().isEmpty();
            case ARRAY, OBJECT -> v.size() > 0;
            default -> true;
        };
    }

    /**
     * The legacy tool's {@code int(value)} for an integer, a boolean or a string; {@code null} for anything
     * else (absent, null, double, array, object) or a string that Python's {@code int()} rejects.
     */
    static BigInteger pythonInt(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (v.isTextual()) {
            return parsePythonInt(v.textValue());
        }
        return null;
    }

    /**
     * Python's {@code int(str)} in base 10: surrounding whitespace (ASCII {@code " \t\n\v\f\r"} and Unicode
     * spaces), an optional sign, decimal digits (any of Python 3.11's Unicode decimal digits, astral ones
     * included) with single underscores between digits, at most {@value #PYTHON_INT_MAX_STR_DIGITS} digits (leading
     * zeros count, underscores do not). {@code null} when Python raises {@code ValueError}.
     */
    static BigInteger parsePythonInt(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonIntSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPythonIntSpace(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        boolean negative = false;
        char first = s.charAt(start);
        if (first == '+' || first == '-') {
            negative = first == '-';
            start++;
        }
        StringBuilder digits = new StringBuilder(end - start);
        boolean lastWasDigit = false;
        for (int i = start; i < end; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '_') {
                if (!lastWasDigit) {
                    return null;
                }
                lastWasDigit = false;
                continue;
            }
            int d = pythonDecimalDigit(c);
            if (d < 0) {
                return null;
            }
            digits.append((char) ('0' + d));
            lastWasDigit = true;
        }
        if (!lastWasDigit || digits.length() > PYTHON_INT_MAX_STR_DIGITS) {
            return null; // empty, ends with '_', or over the limit (ValueError: Exceeds the limit ...)
        }
        BigInteger value = new BigInteger(digits.toString());
        return negative ? value.negate() : value;
    }

    /**
     * {@code sys.get_int_max_str_digits()}'s default since Python 3.11 (and 3.10.7, 3.9.14, 3.8.14, 3.7.14):
     * {@code int()} of a longer digit string raises {@code ValueError}, so the legacy tool drops such a value.
     */
    static final int PYTHON_INT_MAX_STR_DIGITS = 4300;

    /**
     * The zero of every run of ten Unicode decimal digits (category Nd) that Python 3.11's {@code int()} accepts
     * (Unicode 14.0). Listed rather than taken from {@link Character}: each JDK has its own Unicode version (17 lacks
     * Tangsa U+16AC0, 21 adds Kawi U+11F50), and the legacy format is what Python 3.11 did.
     * {@code legacy-writers/gen-python-int.py} lists them from Python.
     */
    private static final int[] PYTHON_DECIMAL_ZEROS = {
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
        0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
        0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
        0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
        0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0
    };

    /** The value of a decimal digit for Python's {@code int()}, or -1. */
    static int pythonDecimalDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 128) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(PYTHON_DECIMAL_ZEROS, c);
        int zero = i >= 0 ? PYTHON_DECIMAL_ZEROS[i] : i == -1 ? -1 : PYTHON_DECIMAL_ZEROS[-i - 2];
        return zero >= 0 && c - zero < 10 ? c - zero : -1;
    }

    /** CPython maps non-ASCII whitespace to ' ' and then skips C-locale spaces; ASCII \x1c-\x1f are not spaces. */
    static boolean isPythonIntSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', 0x0B, '\f', '\r', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** tomli_w's key part. */
    static String key(String k) {
        return TomlStrings.key(k, TomlStrings.Style.TOMLI_W);
    }

    /** tomli_w's single-line basic string. */
    static void string(String s, StringBuilder sb) {
        TomlStrings.basic(s, TomlStrings.Style.TOMLI_W, sb);
    }
}
