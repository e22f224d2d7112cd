package io.modelcatalog.configediting;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks secret in a line of a user's config before it is shown (a diff line, context lines included,
 * or a log line): the value of a key named like a secret ({@code api_key}, {@code apiKey}, {@code api-key},
 * {@code token}, {@code secret}, {@code password}, ...; not {@code api_key_env} or {@code env_key}, which name a
 * variable), and anywhere in the line a value shaped like a key ({@code sk-…}, {@code gsk_…}, {@code AIza…}, or
 * a long run of letters and digits of both cases). The text is a display, never parsed again: masking a few
 * characters too many is the safe mistake.
 */
public final class SecretMasks {

    /** What a masked value is shown as. */
    public static final String MASK = "********";

    /** {@code key: value}, {@code key = value}, {@code "key": "value"}: the key, then the value up to its end. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "([\"']?)([A-Za-z][A-Za-z0-9_.-]*)\\1[ \\t]*[:=][ \\t]*(\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?|[^\\s,}\\]#]+)");

    /** Values that providers' keys look like: their known prefixes, then key characters. */
    private static final Pattern KEY_SHAPED = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + "(?:sk-ant-|sk-proj-|sk-or-|sk-|sk_|gsk_|xai-|pplx-|nvapi-|csk-|fw_|hf_|r8_|jina_|ghp_|gho_|github_pat_|"
            + "glpat-|AKIA|AIza)[A-Za-z0-9_-]{12,}"
            + "|(?=[A-Za-z0-9_]*[0-9])(?=[A-Za-z0-9_]*[a-z])(?=[A-Za-z0-9_]*[A-Z])[A-Za-z0-9_]{32,})"
            + "(?![A-Za-z0-9_-])");

    private SecretMasks() {}

    /** The line with every secret-looking value replaced by {@link #MASK} (quotes kept). */
    public static String line(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String masked = maskAssignments(line);
        return KEY_SHAPED.matcher(masked).replaceAll(MASK);
    }

    /** Each line of a text masked with {@link #line(String)}; line ends are kept. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            out.append(line(text.substring(start, end < 0 ? text.length() : end)));
            if (end >= 0) {
                out.append('\n');
            }
            start = next;
        }
        return out.toString();
    }

    private static String maskAssignments(String line) {
        Matcher m = ASSIGNMENT.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        int last = 0;
        while (m.find()) {
            if (!isSecretName(m.group(2))) {
                continue;
            }
            String value = m.group(3);
            out.append(line, last, m.start(3));
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.length() > 1 && value.charAt(value.length() - 1) == first) {
                out.append(first).append(MASK).append(first);
            } else {
                out.append(MASK);
            }
            last = m.end(3);
        }
        out.append(line, last, line.length());
        return out.toString();
    }

    /** Whether a key names a secret: its words (split at {@code _ - .} and at camel case) hold a secret's word. */
    static boolean isSecretName(String key) {
        String[] words = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .split("[_.-]+");
        boolean api = false;
        boolean key1 = false;
        boolean secret = false;
        for (String w : words) {
            switch (w) {
                case "env", "var", "variable", "cmd", "command", "file", "path", "url", "base", "type", "limit" -> {
                    return false; // names a variable, a command or a place holding the secret, not the secret
                }
                case "api", "access", "private", "secret_access" -> api = true;
                case "key" -> key1 = true;
                case "apikey",
                        "token",
                        "secret",
                        "password",
                        "passwd",
                        "pass",
                        "credential",
                        "credentials",
                        "bearer",
                        "auth",
                        "authorization",
                        "cookie",
                        "session" -> secret = true;
                default -> {}
            }
        }
        return secret || (api && key1);
    }
}
