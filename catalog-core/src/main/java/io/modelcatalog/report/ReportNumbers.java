package io.modelcatalog.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How the report writes numbers: the same digits on every machine, whatever its locale. */
final class ReportNumbers {

    private static final MathContext PRICE_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    private ReportNumbers() {}

    /** Tokens with thousands separators: {@code 131,072}. */
    static String tokens(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A price in USD per 1M tokens to four significant digits, without trailing zeros: {@code 0.6}, {@code 15}. */
    static String price(BigDecimal usd) {
        if (usd.signum() == 0) {
            return "0";
        }
        return usd.round(PRICE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Tokens as an axis label, in binary thousands: {@code 4K}, {@code 128K}, {@code 1M}. */
    static String tokensShort(long n) {
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + "M";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return (n >> 10) + "K";
        }
        return Long.toString(n);
    }

    /** A coordinate for SVG: at most one decimal, a dot as separator. */
    static String coord(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
