package io.modelcatalog.toolconfigs;

import io.modelcatalog.files.Sha256;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Codex profile names ({@code codex --profile <name>}, file {@code <name>.config.toml}). Codex accepts only
 * letters, digits, {@code _} and {@code -}; names here are lower-case so they also stay distinct on
 * case-insensitive file systems.
 *
 * <p>The name is a function of the provider name and the model name alone, so it never changes when models
 * come or go anywhere else, and no two models share one:
 * <ul>
 *   <li><b>Readable name</b>, when the pair can be spelled back exactly: the provider name is lower-case
 *       {@code [a-z0-9]} words joined by single {@code -}, and the model name is lower-case segments of
 *       {@code [a-z0-9-]} (no {@code --}) separated by single {@code .} or {@code /}. Then the name is
 *       {@code <provider>_<model>} with {@code .} written {@code _} and {@code /} written {@code __}:
 *       {@code openai_gpt-4_1}, {@code togetherai_meta-llama__llama-3_3-70b-instruct-turbo}. Since single
 *       and double underscores decode back, two different pairs never get the same readable name.</li>
 *   <li><b>Hashed name</b> otherwise (upper case, {@code :}, {@code _}, other characters, or longer than
 *       {@value #MAX_READABLE} characters): the same spelling with other characters lower-cased or replaced
 *       by {@code -}, cut to {@value #MAX_SLUG} characters, then {@code --} and the first 8 hex digits of the
 *       SHA-256 of {@code <provider>\n<model>}: {@code openrouter_mistralai__mistral-nemo-free--<8 hex>}.
 *       Readable names never contain {@code --}, so the two sets cannot meet; two hashed names could only
 *       meet with equal spellings and equal hashes, which the generator reports as an error.</li>
 * </ul>
 */
public final class CodexProfileNames {

    static final int MAX_READABLE = 120;
    static final int MAX_SLUG = 80;
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9-]+");

    private CodexProfileNames() {}

    public static String profileName(String provider, String model) {
        String readable = provider + "_" + encode(model);
        if (readable.length() <= MAX_READABLE && PROVIDER.matcher(provider).matches() && isReadable(model)) {
            return readable;
        }
        String slug = slug(provider) + "_" + encode(slug(model));
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
        }
        return slug + "--" + hash(provider + "\n" + model);
    }

    /** Whether a profile name is a hashed one (a readable one can be spelled back as provider and model). */
    public static boolean isHashed(String profileName) {
        return profileName.contains("--");
    }

    private static boolean isReadable(String model) {
        if (model.isEmpty() || model.contains("--")) {
            return false;
        }
        for (String segment : model.split("[./]", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String encode(String s) {
        return s.replace("/", "__").replace(".", "_");
    }

    /** Lower case; {@code .} and {@code /} kept for {@link #encode}; every other character outside {@code [a-z0-9-]} as {@code -}. */
    private static String slug(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '/' ? c : '-');
        }
        return sb.toString();
    }

    /** The first 8 hex digits of the SHA-256 of {@code s}. */
    private static String hash(String s) {
        return Sha256.of(s).substring(0, 8);
    }
}
