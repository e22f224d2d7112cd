package io.modelcatalog.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model id or repository name read as the parts that say which weights it names: the maker's org (when the id
 * has one), the name's words in order, what kind of checkpoint it is, and the tags that only say how it is served.
 *
 * <p>Only words known not to change the weights are set aside: quantization ({@code fp8}, {@code bf16}, ...),
 * serving tiers at the end of an id ({@code free}, {@code fast}, {@code turbo}, ...) and the instruct/base words.
 * Every other word, number, size and date stays in {@link #words()}, so two ids that differ in any of them never
 * compare equal: precision before recall.
 *
 * @param org      the org of an {@code org/name} id, lowercase; {@code null} when the id has none
 * @param words    the name's words, lowercase, separators and case gone ({@code glm-4p5} and {@code GLM-4.5} both
 *                 give {@code glm 4 5}); the maker's own word at the start ({@code Meta-}) is left out
 * @param kind     instruct, base or unsaid
 * @param tiers    serving-tier words found at the end of the id ({@code free}, {@code turbo}, ...)
 * @param quants   quantization tags ({@code fp8}, ...)
 * @param makerWord the maker word that was left out of {@code words}, or {@code null}
 */
public record ModelName(
        String org, List<String> words, Kind kind, List<String> tiers, List<String> quants, String makerWord) {

    /** What kind of checkpoint a name says it is. */
    public enum Kind {
        /** {@code instruct}, {@code it} or {@code chat}: tuned to follow instructions. */
        INSTRUCT,
        /** {@code base}: the pretrained checkpoint. */
        BASE,
        /** The name does not say. */
        UNSAID
    }

    /** Words that say a serving tier of the same weights when they end an id. */
    static final Set<String> TIERS = Set.of("free", "fast", "turbo", "tput", "versatile", "instant");

    /** Words that name a numeric format of the same weights. */
    static final Set<String> QUANTS = Set.of(
            "fp8", "fp16", "bf16", "fp32", "fp4", "nvfp4", "int4", "int8", "awq", "gptq", "gguf", "mlx", "4bit", "8bit",
            "w4a16", "w8a8", "fp6");

    /** Words that say an instruction-tuned checkpoint. */
    static final Set<String> INSTRUCT_WORDS = Set.of("instruct", "it", "chat");

    /** A word that only says the file format of the weights ({@code -hf}). */
    static final Set<String> FORMAT_WORDS = Set.of("hf");

    private static final Pattern VENDOR_PATH = Pattern.compile("^accounts/[^/]+/models/");
    private static final Pattern DIGIT_P_DIGIT = Pattern.compile("(\\d)p(\\d)");
    private static final Pattern SPACED_QUANT = Pattern.compile("(?<![a-z0-9])(fp|int|bf)[-_](\\d+)(?![a-z0-9])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Pattern GGML_QUANT =
            Pattern.compile("(?<![a-z0-9])(i?q[2-8])_(k|0|1)(?:_([sml]))?(?![a-z0-9])");
    private static final Pattern GGML_WORD = Pattern.compile("i?q[2-8](k[sml]?|0|1)?");

    public ModelName {
        words = List.copyOf(words);
        tiers = List.copyOf(tiers);
        quants = List.copyOf(quants);
        Objects.requireNonNull(kind, "kind");
    }

    /** The words joined by single spaces: the key two names must share to name the same weights. */
    public String key() {
        return String.join(" ", words);
    }

    /** Quantization tags then tier tags: what a member's variant says. */
    public List<String> variant() {
        List<String> out = new ArrayList<>(quants);
        out.addAll(tiers);
        return out;
    }

    /** This name without its tier words set aside (they are then words of the name). */
    public ModelName withTiersAsWords() {
        if (tiers.isEmpty()) {
            return this;
        }
        List<String> w = new ArrayList<>(words);
        w.addAll(tiers);
        return new ModelName(org, w, kind, List.of(), quants, makerWord);
    }

    /**
     * Parses an id as a provider lists it.
     *
     * @param id       the id or a repository name ({@code org/name})
     * @param provider the provider listing it, whose own name in front of an id ({@code parasail-}) is a prefix
     */
    public static ModelName parse(String id, String provider) {
        return parseWithPrefix(id, provider == null ? null : provider.toLowerCase(Locale.ROOT) + "-");
    }

    /**
     * Parses an id.
     *
     * @param hostPrefix a prefix the provider puts in front of every id ({@code parasail-}), or {@code null}
     */
    public static ModelName parseWithPrefix(String id, String hostPrefix) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        s = VENDOR_PATH.matcher(s).replaceFirst("");
        if (s.startsWith("models/")) {
            s = s.substring("models/".length());
        }
        if (hostPrefix != null && s.startsWith(hostPrefix) && s.length() > hostPrefix.length()) {
            s = s.substring(hostPrefix.length());
        }
        // An OpenRouter-style route (":free") is one more word of the name.
        s = s.replace(':', '-');
        List<String> segments = new ArrayList<>(List.of(s.split("/")));
        segments.removeIf(String::isEmpty);
        List<String> quants = new ArrayList<>();
        // Trailing path segments that are a quantization (inference.net's ".../fp-8").
        while (segments.size() > 1) {
            String last = normalizeQuant(segments.get(segments.size() - 1));
            if (!isQuant(last)) {
                break;
            }
            quants.add(last);
            segments.remove(segments.size() - 1);
        }
        String org = segments.size() >= 2 ? segments.get(segments.size() - 2) : null;
        String name = segments.isEmpty() ? s : segments.get(segments.size() - 1);
        List<String> raw = words(name);

        // Tier words count only at the end of the id, after a size, a kind word, a date or another tag:
        // "-70b-versatile", "-Instruct-Turbo", "-2507-tput"; not "gpt-4-turbo", "whisper-large-v3-turbo".
        List<String> tiers = new ArrayList<>();
        int end = raw.size();
        while (end > 1 && TIERS.contains(raw.get(end - 1)) && tierMayFollow(raw.get(end - 2))) {
            tiers.add(0, raw.get(end - 1));
            end--;
        }
        if (end == raw.size() && !raw.isEmpty() && raw.get(raw.size() - 1).equals("free") && raw.size() > 1) {
            tiers.add("free");
            end--;
        }
        Kind kind = Kind.UNSAID;
        List<String> kept = new ArrayList<>();
        for (String w : raw.subList(0, end)) {
            if (isQuant(w)) {
                quants.add(w);
            } else if (INSTRUCT_WORDS.contains(w)) {
                kind = kind == Kind.BASE ? Kind.BASE : Kind.INSTRUCT;
            } else if (w.equals("base")) {
                kind = Kind.BASE;
            } else if (!FORMAT_WORDS.contains(w)) {
                kept.add(w);
            }
        }
        return new ModelName(org, kept, kind, tiers, quants, null);
    }

    private static final Pattern SIZE = Pattern.compile("\\d+(?:x\\d+)?[bmk]|\\d+e|\\d{4,8}");

    /** Whether a word is a parameter size ({@code 70b}, {@code 8x7b}, {@code 22m}) or an expert count ({@code 128e}). */
    static boolean isSize(String word) {
        return SIZE.matcher(word).matches() && !Character.isDigit(word.charAt(word.length() - 1));
    }

    /** Whether a tier word may follow this word: a size, a date stamp, a kind word or another tag. */
    private static boolean tierMayFollow(String previous) {
        return SIZE.matcher(previous).matches()
                || INSTRUCT_WORDS.contains(previous)
                || previous.equals("base")
                || FORMAT_WORDS.contains(previous)
                || TIERS.contains(previous)
                || isQuant(previous);
    }

    /**
     * This name with its last word, a serving-tier word the parse kept as a word (after a version, {@code R1-Turbo}),
     * set aside as a tier; {@code null} when the last word is no tier word or the only word.
     */
    ModelName withLastWordAsTier() {
        if (words.size() < 2 || !TIERS.contains(words.get(words.size() - 1))) {
            return null;
        }
        List<String> t = new ArrayList<>(tiers);
        t.add(0, words.get(words.size() - 1));
        return new ModelName(org, words.subList(0, words.size() - 1), kind, t, quants, makerWord);
    }

    /** The same name with a leading maker word taken out (and kept as the maker when there is no org). */
    ModelName withoutMakerWord() {
        return new ModelName(org, words.subList(1, words.size()), kind, tiers, quants, words.get(0));
    }

    /** Lowercase words of a name: {@code 4p5} is {@code 4.5}, {@code fp-8} is {@code fp8}, every separator splits. */
    static List<String> words(String name) {
        String s = name.indexOf('p') >= 0 ? DIGIT_P_DIGIT.matcher(name).replaceAll("$1.$2") : name;
        if (s.indexOf('-') >= 0 || s.indexOf('_') >= 0) {
            s = SPACED_QUANT.matcher(s).replaceAll("$1$2");
        }
        List<String> out = new ArrayList<>();
        s = s.indexOf('q') < 0 || s.indexOf('_') < 0
                ? s
                : GGML_QUANT
                        .matcher(s)
                        .replaceAll(m -> m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
        for (String piece : SEPARATORS.split(s)) {
            if (piece.isEmpty()) {
                continue;
            }
            if (isQuant(piece) || TIERS.contains(piece)) {
                out.add(piece);
                continue;
            }
            splitLettersThenDigits(piece, out);
        }
        // "v3" and "3" are one version: a lone "v" before a number goes.
        List<String> kept = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            String w = out.get(i);
            if (w.equals("v")
                    && i + 1 < out.size()
                    && Character.isDigit(out.get(i + 1).charAt(0))) {
                continue;
            }
            kept.add(w);
        }
        return kept;
    }

    /** Adds the piece split where a letter is followed by a digit ({@code qwen2} gives {@code qwen}, {@code 2}). */
    private static void splitLettersThenDigits(String piece, List<String> out) {
        int start = 0;
        for (int i = 1; i < piece.length(); i++) {
            if (Character.isDigit(piece.charAt(i)) && Character.isLetter(piece.charAt(i - 1))) {
                out.add(piece.substring(start, i));
                start = i;
            }
        }
        out.add(piece.substring(start));
    }

    /** Whether a word names a numeric format: {@code fp8}, {@code bf16}, GGUF's {@code q4km}, ... */
    static boolean isQuant(String word) {
        return QUANTS.contains(word)
                || ((word.startsWith("q") || word.startsWith("iq"))
                        && GGML_WORD.matcher(word).matches());
    }

    private static String normalizeQuant(String segment) {
        Matcher m = SPACED_QUANT.matcher(segment);
        return m.replaceAll("$1$2");
    }

    /** An org without separators, to compare {@code deepseek-ai} with {@code deepseek}. */
    static String compact(String org) {
        return org == null ? null : NOT_ALPHANUMERIC.matcher(org).replaceAll("");
    }
}
