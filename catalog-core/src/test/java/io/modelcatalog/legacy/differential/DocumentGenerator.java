package io.modelcatalog.legacy.differential;

import io.modelcatalog.legacy.differential.GenValue.Arr;
import io.modelcatalog.legacy.differential.GenValue.Lit;
import io.modelcatalog.legacy.differential.GenValue.Member;
import io.modelcatalog.legacy.differential.GenValue.Num;
import io.modelcatalog.legacy.differential.GenValue.Obj;
import io.modelcatalog.legacy.differential.GenValue.Spacing;
import io.modelcatalog.legacy.differential.GenValue.Str;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random provider responses, reproducible from a seed: the three shapes the legacy format knows (an object with a
 * {@code data} array, a bare array, an object keyed by model id) and scalars; model objects with every context and
 * output field the legacy TOML reads, and {@code top_provider}, holding values of every JSON type; duplicate,
 * missing, empty and non-string ids; profile-name collisions; strings with escapes, astral characters, control
 * characters and lone surrogates; every shape of number; nested values; repeated keys; odd whitespace; and a few
 * bodies that are not valid JSON, or are JSON in UTF-16/32 or behind a byte-order mark.
 *
 * <p>About one document in six is "chaotic": it also holds what makes the legacy script itself fail (non-object
 * elements, ids of other types, {@code top_provider} that is not an object, lone surrogates in ids, integers of
 * more than 4,300 digits), at rates that leave most of them comparable.
 *
 * <p>Never generated: a top-level {@code has_more}, which makes the plugin page on where the legacy script does
 * not (pagination is a deliberate addition).
 */
final class DocumentGenerator {

    static final List<String> CONTEXT_FIELDS =
            List.of("context_length", "context_window", "max_context_length", "max_tokens", "max_model_len");
    static final List<String> OUTPUT_FIELDS =
            List.of("max_completion_tokens", "max_output_tokens", "max_tokens_output");

    private static final String[] ID_TEMPLATES = {
        "gpt-4o",
        "gpt-4o-mini",
        "claude-3-5-sonnet-20241022",
        "meta-llama/Llama-3.3-70B-Instruct",
        "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "a.b",
        "a-b",
        "a/b",
        "A_B",
        "x",
        "X",
        "",
        " ",
        "zz!!@@##",
        "zz",
        "model:free",
        "mod\u00e8le-\u00fc",
        "\u65e5\u672c\u8a9e\u30e2\u30c7\u30eb",
        "emoji-\ud83d\ude00",
        "\ud835\udfd9\ud835\udfd8b",
        "tab\tid",
        "new\nline",
        "cr\rid",
        "quote\"id",
        "back\\slash",
        "ctl\u0001\u001f",
        "del\u007f",
        "nbsp\u00a0id",
        "sep\u2028id",
        "bom\ufeffid",
        "nonchar\uffff",
        "sample_spec",
        "data",
        "0",
        "123",
        "very-long-model-name-variant-one",
        "very-long-model-name-variant-two",
        "UPPER/Case.Model-Name_v2",
        "\u0130stanbul-\u00df",
    };

    private final SplittableRandom r;
    private boolean chaotic;
    private int falsyIds;
    private List<String> idPool;

    private DocumentGenerator(SplittableRandom r) {
        this.r = r;
    }

    /** Document {@code index} of the run with {@code seed}: the same pair always gives the same document. */
    static GenDocument document(long seed, long index) {
        return new DocumentGenerator(new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L)))
                .document();
    }

    private GenDocument document() {
        GenDocument doc = plainDocument();
        // many real providers declare the charset; httpx then decodes with it (bad bytes become U+FFFD, a BOM stays)
        return chance(0.25) ? doc.withCharset(pick("utf-8", "utf-8", "UTF-8", "\"utf-8\"")) : doc;
    }

    private GenDocument plainDocument() {
        chaotic = chance(0.16);
        idPool = idPool();
        // now and then every id is a falsy number or boolean (or every id an empty list): Python orders those
        // among themselves (all equal, so they keep their order) and takes no model from them
        falsyIds = chance(0.04) ? 1 + r.nextInt(2) : 0;
        double shape = r.nextDouble();
        GenValue root;
        if (shape < 0.04) {
            return rawDocument();
        } else if (shape < 0.07) {
            root = scalar();
        } else if (shape < 0.10) {
            root = pick(
                    new Arr(List.of()),
                    new Obj(List.of()),
                    new Obj(List.of(new Member(str("data"), new Arr(List.of())))),
                    new Obj(List.of(
                            new Member(str("object"), str("list")), new Member(str("data"), new Arr(List.of())))));
        } else if (shape < 0.25) {
            root = new Arr(models());
        } else if (shape < 0.38) {
            root = keyedObject();
        } else {
            root = dataObject();
        }
        return GenDocument.of(root, spacing());
    }

    // ---- shapes

    private GenValue dataObject() {
        List<Member> members = new ArrayList<>();
        if (chance(0.7)) {
            members.add(new Member(str("object"), str("list")));
        }
        members.add(new Member(str("data"), new Arr(models())));
        int extra = r.nextInt(3);
        for (int i = 0; i < extra; i++) {
            members.add(new Member(str(pick("meta", "first_id", "last_id", "total", "x", "")), anyValue(2)));
        }
        if (chance(0.05)) {
            // a repeated "data": the last value wins (a list keeps the shape, anything else makes it keyed)
            members.add(new Member(str("data"), chance(0.5) ? new Arr(models()) : anyValue(2)));
        }
        shuffle(members);
        return new Obj(members);
    }

    private GenValue keyedObject() {
        List<Member> members = new ArrayList<>();
        int n = count();
        for (int i = 0; i < n; i++) {
            Str key = chance(0.08) ? str(pick("sample_spec", "data")) : idString();
            GenValue value = chance(0.8) ? model(false) : anyValue(2);
            members.add(new Member(key, value));
        }
        return new Obj(members);
    }

    private List<GenValue> models() {
        int n = count();
        List<GenValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(chaotic && chance(0.04) ? anyValue(1) : model(true));
        }
        return out;
    }

    private int count() {
        double c = r.nextDouble();
        if (c < 0.05) {
            return 0;
        }
        if (c < 0.35) {
            return 1 + r.nextInt(3);
        }
        if (c < 0.9) {
            return 4 + r.nextInt(9);
        }
        return 13 + r.nextInt(28);
    }

    private GenValue model(boolean withId) {
        List<Member> members = new ArrayList<>();
        if (withId && falsyIds > 0) {
            members.add(new Member(
                    str("id"),
                    falsyIds == 2
                            ? new Arr(List.of())
                            : pick(
                                    new Num("0"),
                                    new Num("-0"),
                                    new Num("0.0"),
                                    new Num("-0.0"),
                                    new Lit("false"),
                                    new Num("0E+3"))));
        } else if (withId) {
            double k = r.nextDouble();
            if (k < 0.9) {
                members.add(new Member(str("id"), idString()));
            } else if (k < 0.96 || !chaotic) {
                // no id: sorts as ""
            } else {
                members.add(new Member(str("id"), oddId()));
            }
        }
        double fieldRate = 0.1 + r.nextDouble() * 0.35;
        for (String f : CONTEXT_FIELDS) {
            if (chance(fieldRate)) {
                members.add(new Member(str(f), limitValue()));
            }
        }
        for (String f : OUTPUT_FIELDS) {
            if (chance(fieldRate)) {
                members.add(new Member(str(f), limitValue()));
            }
        }
        if (chance(0.25)) {
            members.add(new Member(str("top_provider"), topProvider()));
        }
        int extra = r.nextInt(4);
        for (int i = 0; i < extra; i++) {
            members.add(new Member(
                    str(pick(
                            "object", "owned_by", "created", "name", "description", "pricing", "architecture", "tags")),
                    anyValue(3)));
        }
        if (!members.isEmpty() && chance(0.06)) {
            // a repeated key: Python keeps the first position and the last value
            Member m = members.get(r.nextInt(members.size()));
            members.add(new Member(m.key(), plain(m.key()).equals("id") ? idString() : limitValue()));
        }
        shuffle(members);
        return new Obj(members);
    }

    private GenValue topProvider() {
        if (chaotic && chance(0.15)) {
            return pick(new Lit("null"), new Arr(List.of()), str("x"), new Num("0"), new Lit("true"), new Num("1.5"));
        }
        List<Member> members = new ArrayList<>();
        if (chance(0.75)) {
            members.add(new Member(str("context_length"), limitValue()));
        }
        if (chance(0.75)) {
            members.add(new Member(str("max_completion_tokens"), limitValue()));
        }
        if (chance(0.3)) {
            members.add(new Member(str("is_moderated"), new Lit(pick("true", "false"))));
        }
        shuffle(members);
        return new Obj(members);
    }

    // ---- ids

    private List<String> idPool() {
        int n = 1 + r.nextInt(12);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double k = r.nextDouble();
            if (k < 0.55) {
                pool.add(pick(ID_TEMPLATES));
            } else if (k < 0.8) {
                pool.add("model-" + r.nextInt(40) + (chance(0.5) ? "/v" + r.nextInt(3) : ""));
            } else {
                pool.add(text(1 + r.nextInt(24)));
            }
        }
        return pool;
    }

    private Str idString() {
        String id = idPool.get(r.nextInt(idPool.size()));
        if (chaotic && chance(0.03)) {
            id = id + pick("\ud800", "\udc00", "\udbff", "\udfff");
        }
        return str(id);
    }

    /** An id that is not a non-empty string: of another type, possibly truthy. */
    private GenValue oddId() {
        double k = r.nextDouble();
        if (k < 0.5) {
            // falsy ones sort among themselves when they are all numbers (or all empty lists), and make no model
            return pick(new Num("0"), new Num("-0"), new Num("0.0"), new Num("-0.0"), new Lit("false"), new Num("0e5"));
        }
        if (k < 0.65) {
            return pick(new Lit("null"), new Arr(List.of()), new Obj(List.of()), str(""));
        }
        return pick(
                new Num(Integer.toString(1 + r.nextInt(100))),
                new Num("1.5"),
                new Lit("true"),
                new Arr(List.of(new Num("1"))),
                new Obj(List.of(new Member(str("a"), new Num("1")))));
    }

    // ---- values

    /** A value for a context or output field: mostly numbers, and every other JSON type. */
    private GenValue limitValue() {
        double k = r.nextDouble();
        if (k < 0.3) {
            return new Num(Integer.toString(pickInt(0, 1, 4096, 8192, 128000, 200000, 1048576, -1, 32768)));
        }
        if (k < 0.45) {
            return number();
        }
        if (k < 0.55) {
            return new Lit(pick("true", "false", "null"));
        }
        if (k < 0.85) {
            return str(pick(
                    "0",
                    "",
                    "-0",
                    "+0",
                    " 42 ",
                    "1_000",
                    "1__0",
                    "_1",
                    "1_",
                    "4096",
                    "4096.0",
                    "1e3",
                    "0x10",
                    "abc",
                    "-7",
                    "+5",
                    "- 5",
                    "\u0664\u0662",
                    "\uff11\uff12",
                    "\ud835\udfd9\ud835\udfda",
                    "\ud81a\udec3",
                    "\u3000 7\u2029",
                    "\u00857\u00a0",
                    "\u001f5",
                    "\u200b5",
                    "007",
                    "\u00bd",
                    "12345678901234567890123",
                    " ",
                    "9".repeat(4300),
                    "9".repeat(4301),
                    "1_".repeat(2200) + "1",
                    Integer.toString(r.nextInt(1_000_000))));
        }
        if (k < 0.93) {
            return pick(
                    new Arr(List.of()),
                    new Arr(List.of(new Num("4096"))),
                    new Arr(List.of(new Arr(List.of(new Num("0"))))),
                    new Arr(List.of(new Lit("null"))));
        }
        return pick(
                new Obj(List.of()),
                new Obj(List.of(new Member(str("value"), new Num("4096")))),
                new Obj(List.of(new Member(str("a"), new Obj(List.of())))));
    }

    private GenValue anyValue(int depth) {
        double k = r.nextDouble();
        if (depth <= 0 || k < 0.55) {
            return scalar();
        }
        if (k < 0.8) {
            int n = r.nextInt(5);
            List<GenValue> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(anyValue(depth - 1));
            }
            return new Arr(items);
        }
        int n = r.nextInt(5);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new Member(
                    chance(0.7)
                            ? str(pick("prompt", "completion", "input", "output", "a", "b"))
                            : str(text(r.nextInt(8))),
                    anyValue(depth - 1)));
        }
        return new Obj(members);
    }

    private GenValue scalar() {
        double k = r.nextDouble();
        if (k < 0.4) {
            return number();
        }
        if (k < 0.5) {
            return new Lit(pick("true", "false", "null"));
        }
        return str(text(r.nextInt(chance(0.1) ? 80 : 14)));
    }

    /** Every shape of JSON number, as written. */
    private Num number() {
        double k = r.nextDouble();
        String sign = chance(0.25) ? "-" : "";
        if (k < 0.25) {
            return new Num(sign + r.nextInt(chance(0.5) ? 10 : 1_000_000));
        }
        if (k < 0.35) {
            return new Num(pick(
                    "0",
                    "-0",
                    "2147483647",
                    "2147483648",
                    "-2147483649",
                    "9223372036854775807",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "18446744073709551616",
                    "9007199254740993"));
        }
        if (k < 0.42) {
            StringBuilder digits = new StringBuilder().append(1 + r.nextInt(9));
            int n = chance(0.9) ? 19 + r.nextInt(60) : 300 + r.nextInt(4000);
            if (chaotic && chance(0.02)) {
                n = 4300 + r.nextInt(2); // 4,301 digits: past Python's limit
            }
            for (int i = 1; i < n; i++) {
                digits.append(r.nextInt(10));
            }
            return new Num(sign + digits);
        }
        if (k < 0.6) {
            return new Num(pick(
                    "0.0",
                    "-0.0",
                    "1.0",
                    "0.5",
                    "0.1",
                    "100.0",
                    "1e5",
                    "1E5",
                    "1e+5",
                    "1E-7",
                    "1e-5",
                    "1e-4",
                    "1e16",
                    "1e15",
                    "1e308",
                    "1.7976931348623157e308",
                    "1e309",
                    "-1e400",
                    "4.9e-324",
                    "5e-324",
                    "2.4e-324",
                    "2.5e-324",
                    "1e-400",
                    "0e0",
                    "0E-0",
                    "-0e+10",
                    "9007199254740993.0",
                    "123456789012345678.0",
                    "0.30000000000000004",
                    "2.2250738585072014e-308",
                    "2.225073858507201e-308",
                    "1." + "0".repeat(40) + "1",
                    "NaN",
                    "Infinity",
                    "-Infinity"));
        }
        if (k < 0.8) {
            // digits.digits[e[+-]digits]
            StringBuilder sb = new StringBuilder(sign);
            sb.append(r.nextInt(chance(0.5) ? 10 : 100_000));
            sb.append('.');
            int frac = 1 + r.nextInt(chance(0.8) ? 6 : 25);
            for (int i = 0; i < frac; i++) {
                sb.append(r.nextInt(10));
            }
            if (chance(0.4)) {
                sb.append(pick("e", "E")).append(pick("", "+", "-")).append(r.nextInt(chance(0.8) ? 30 : 330));
            }
            return new Num(sb.toString());
        }
        if (k < 0.9) {
            return new Num(sign + (1 + r.nextInt(9)) + pick("e", "E") + pick("", "+", "-") + r.nextInt(40));
        }
        // any double, written the way Java writes it (an exponent or positional form)
        double d = Double.longBitsToDouble(r.nextLong());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            d = r.nextDouble() * 1e6;
        }
        return new Num(Double.toString(d));
    }

    // ---- strings

    /** A string of {@code n} code points from every class the formats treat differently. */
    private String text(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double k = r.nextDouble();
            if (k < 0.55) {
                sb.append((char) (0x20 + r.nextInt(0x5F)));
            } else if (k < 0.62) {
                sb.append((char) r.nextInt(0x20));
            } else if (k < 0.75) {
                sb.append((char) (0xA0 + r.nextInt(0x300)));
            } else if (k < 0.82) {
                sb.append((char) (0x3040 + r.nextInt(0x6000)));
            } else if (k < 0.9) {
                sb.appendCodePoint(
                        pick(0x1F600, 0x1F9FF, 0x1D7D9, 0x10000, 0x10FFFF, 0x1F1EF, 0x20000 + r.nextInt(0xA000)));
            } else {
                sb.append(pickChar(
                        '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\u200b',
                        '\u3000', '/', '\\', '"', '\''));
            }
        }
        return sb.toString();
    }

    /** The text a string literal stands for. */
    private static String plain(Str s) {
        return io.modelcatalog.documents.JsonDocuments.parse(s.literal().getBytes(StandardCharsets.UTF_8), "key")
                .textValue();
    }

    /** A string literal for {@code s}, each character spelled one of the ways JSON allows. */
    private Str str(String s) {
        List<String> pieces = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            pieces.add(spell(c));
        }
        return new Str(List.copyOf(pieces));
    }

    private String spell(int c) {
        switch (c) {
            case '"':
                return chance(0.8) ? "\\\"" : unicodeEscape(c);
            case '\\':
                return chance(0.8) ? "\\\\" : unicodeEscape(c);
            case '/':
                return chance(0.7) ? "/" : chance(0.5) ? "\\/" : unicodeEscape(c);
            case '\b':
                return chance(0.7) ? "\\b" : unicodeEscape(c);
            case '\f':
                return chance(0.7) ? "\\f" : unicodeEscape(c);
            case '\n':
                return chance(0.7) ? "\\n" : unicodeEscape(c);
            case '\r':
                return chance(0.7) ? "\\r" : unicodeEscape(c);
            case '\t':
                return chance(0.7) ? "\\t" : unicodeEscape(c);
            default:
                if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
                    return unicodeEscape(c); // must be escaped (lone surrogates cannot be written in UTF-8)
                }
                if (c > 0x7E && chance(0.2)) {
                    if (c > 0xFFFF) {
                        char[] pair = Character.toChars(c);
                        return unicodeEscape(pair[0]) + unicodeEscape(pair[1]);
                    }
                    return unicodeEscape(c);
                }
                if (c < 0x7F && chance(0.03)) {
                    return unicodeEscape(c);
                }
                return new String(Character.toChars(c));
        }
    }

    private String unicodeEscape(int c) {
        String hex = String.format("%04x", c);
        return "\\u" + (chance(0.3) ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
    }

    private Spacing spacing() {
        double k = r.nextDouble();
        if (k < 0.3) {
            return Spacing.COMPACT;
        }
        if (k < 0.6) {
            return Spacing.PYTHON;
        }
        if (k < 0.8) {
            return new Spacing("", "\n", "\n  ", "\n", "\n  ", "", " ");
        }
        return new Spacing(ws(), ws(), ws(), ws(), ws(), ws(), ws());
    }

    private String ws() {
        int n = r.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pickChar(' ', '\t', '\n', '\r'));
        }
        return sb.toString();
    }

    // ---- bodies that are not plain valid UTF-8 JSON

    private GenDocument rawDocument() {
        String valid = GenValue.render(chance(0.5) ? new Arr(models()) : dataObject(), Spacing.PYTHON);
        double k = r.nextDouble();
        if (k < 0.2) {
            String bad = pick(
                    "",
                    " ",
                    "\n\t ",
                    "{",
                    "[1,]",
                    "{\"a\":1,}",
                    "[01]",
                    "[1.]",
                    "[.5]",
                    "[+1]",
                    "[-]",
                    "[1e]",
                    "[-NaN]",
                    "[+Infinity]",
                    "[INF]",
                    "[-INF]",
                    "[nan]",
                    "[infinity]",
                    "[True]",
                    "{'a': 1}",
                    "{a: 1}",
                    "[1] // comment",
                    "/* c */ [1]",
                    "[\"\\x41\"]",
                    "[\"\\u12\"]",
                    "[\"\\U0001F600\"]",
                    "[\"a\u0001b\"]",
                    "[\"tab\there\"]",
                    "[\"new\nline\"]",
                    "[\"del\u007fok\"]",
                    "\u000b[1]",
                    "\u00a0[1]",
                    "\u000c[]",
                    "[1] [2]",
                    "{} x",
                    "[\"\u2028\"]",
                    "0",
                    "\"\"",
                    "[]",
                    "{}",
                    "1e999",
                    "-0",
                    "[1]\u0000");
            return GenDocument.raw(bad.getBytes(StandardCharsets.UTF_8), "a body that is not valid JSON, or barely is");
        }
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        if (k < 0.4) {
            int cut = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
            return GenDocument.raw(java.util.Arrays.copyOf(bytes, cut), "a valid body cut at byte " + cut);
        }
        if (k < 0.55) {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            return GenDocument.raw(concat(bom, bytes), "a UTF-8 body behind a byte-order mark");
        }
        if (k < 0.7) {
            String cs = pick("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE");
            return GenDocument.raw(valid.getBytes(Charset.forName(cs)), "a body in " + cs);
        }
        // a byte that is not UTF-8 inside a string
        byte[][] junk = {
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
        byte[] j = junk[r.nextInt(junk.length)];
        byte[] body = concat(
                "{\"data\": [{\"id\": \"x".getBytes(StandardCharsets.US_ASCII),
                concat(j, "\"}]}".getBytes(StandardCharsets.US_ASCII)));
        if (chance(0.3)) {
            body = concat(
                    "\"".getBytes(StandardCharsets.US_ASCII), concat(j, "\"".getBytes(StandardCharsets.US_ASCII)));
        }
        return GenDocument.raw(body, "a string with bytes that are not UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- randomness

    private boolean chance(double p) {
        return r.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    private int pickInt(int... options) {
        return options[r.nextInt(options.length)];
    }

    private char pickChar(char... options) {
        return options[r.nextInt(options.length)];
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
