package io.modelcatalog.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads single values out of provider JSON, strictly: a value of the wrong type, a non-positive count or a
 * negative price gives {@code null} (absent), never a default.
 */
public final class FactValues {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Epoch numbers at or above this are milliseconds: 10^11 seconds would be the year 5138. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private FactValues() {}

    /** A token count: a positive integer, or a string of decimal digits. */
    public static Long tokens(JsonNode node) {
        if (node == null) {
            return null;
        }
        BigInteger value = null;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isTextual() && node.asText().trim().matches("[0-9]{1,18}")) {
            value = new BigInteger(node.asText().trim());
        }
        if (value == null || value.signum() <= 0 || value.bitLength() > 62) {
            return null;
        }
        return value.longValue();
    }

    /** A decimal from a number or a numeric string, exactly as written (doubles by their shortest digits). */
    public static BigDecimal decimal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? shortest(d) : null;
        }
        if (node.isTextual()) {
            String t = node.asText().trim();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A price in USD per token (OpenRouter's strings, LiteLLM's numbers) as USD per 1M tokens. */
    public static BigDecimal perTokenAsPerMillion(JsonNode node) {
        BigDecimal perToken = decimal(node);
        return perToken == null || perToken.signum() < 0 ? null : normalize(perToken.multiply(MILLION));
    }

    /** A price already in USD per 1M tokens. */
    public static BigDecimal perMillion(JsonNode node) {
        BigDecimal v = decimal(node);
        return v == null || v.signum() < 0 ? null : normalize(v);
    }

    /** A price given in units of a fraction of a dollar per 1M tokens (Novita: 1/10000 USD). */
    public static BigDecimal perMillionInUnits(JsonNode node, BigDecimal unitsPerDollar) {
        BigDecimal v = decimal(node);
        return v == null || v.signum() < 0 ? null : normalize(v.divide(unitsPerDollar, MathContext.DECIMAL64));
    }

    /** {@code true}/{@code false} only for JSON booleans. */
    public static Boolean bool(JsonNode node) {
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    /** Non-blank text, else {@code null}. */
    public static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /**
     * A creation time: epoch seconds (milliseconds when the number is too large for seconds), or an ISO-8601
     * instant. Zero and negative numbers are "unknown" (several providers send {@code 0}).
     */
    public static Instant created(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            if (v <= 0) {
                return null;
            }
            return v >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        if (node.isTextual()) {
            try {
                return Instant.parse(node.asText().trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether an array node holds the given string. */
    public static boolean contains(JsonNode array, String value) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode n : array) {
            if (n.isTextual() && n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The modalities an array of words names ({@code ["text", "image", "file"]}); words naming none of
     * {@link Modality} are left out. Not an array, or no known word: {@code null}.
     */
    public static Set<Modality> modalities(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        EnumSet<Modality> out = EnumSet.noneOf(Modality.class);
        for (JsonNode n : array) {
            Modality m = n.isTextual() ? Modality.fromProviderWord(n.asText()) : null;
            if (m != null) {
                out.add(m);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Whether the list is an array: then a missing value in it means "no", not "unknown". */
    public static Boolean listed(JsonNode array, String value) {
        return array != null && array.isArray() ? contains(array, value) : null;
    }

    /** Plain notation without trailing zeros: {@code 2.5}, {@code 0.15}, {@code 0}, {@code 1000}. */
    public static String plain(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    private static BigDecimal normalize(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The shortest decimal that reads back as the same double (what Python's repr prints). */
    static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact;
    }
}
