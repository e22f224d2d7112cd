package io.modelcatalog.legacy;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Python's {@code repr(float)} (and so the number text of {@code json.dumps}): the shortest decimal digits that
 * round-trip, among those the one closest to the exact binary value; scientific notation ({@code 1e-06},
 * {@code 1.5e+16}) when the decimal exponent is below -4 or at least 16, else positional with at least one
 * fractional digit ({@code 100.0}).
 *
 * <p>The digits come from Jackson's Schubfach ({@link DoubleToDecimal}). Like JDK 19+'s {@code Double.toString}
 * it may return two digits when a one-digit decimal also round-trips but is farther from the exact value
 * (for example {@code 4.9E-324} for {@code Double.MIN_VALUE}); Python keeps the shortest, so that case is
 * corrected here. JDK 17's own {@code Double.toString} is not used: it is not always the shortest.
 */
public final class PythonFloatRepr {

    private PythonFloatRepr() {}

    /** As Python: {@code repr(float('inf'))} is {@code inf}, NaN is {@code nan} (JSON spells them differently). */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        StringBuilder sb = new StringBuilder(26);
        appendRepr(value, sb);
        return sb.toString();
    }

    /**
     * Appends the repr of a finite value.
     *
     * @throws IllegalArgumentException for NaN and infinities (JSON and Python spell those differently)
     */
    static void appendRepr(double value, StringBuilder out) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        if (value == 0.0) {
            out.append(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
            return;
        }
        // Schubfach's text: [-]d.ddd[E[-]n] or [-]ddd.ddd; read it back as digits and a decimal exponent.
        String s = DoubleToDecimal.toString(value);
        char[] digits = new char[32]; // at most 17 significant digits plus up to 3 leading zeros
        int nDigits = 0;
        int pointPos = -1; // number of digits before the '.'
        int exp = 0;
        int start = 0;
        if (s.charAt(0) == '-') {
            start = 1;
        }
        int i = start;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                pointPos = nDigits;
            } else if (c == 'E') {
                exp = Integer.parseInt(s, i + 1, s.length(), 10);
                break;
            } else {
                digits[nDigits++] = c;
            }
        }
        if (pointPos < 0) {
            pointPos = nDigits;
        }
        // strip leading zeros (0.00123 form), adjusting the point
        int lead = 0;
        while (lead < nDigits - 1 && digits[lead] == '0') {
            lead++;
        }
        // value = 0.D * 10^decpt where D = digits[lead..end)
        int decpt = pointPos - lead + exp;
        int end = nDigits;
        while (end > lead + 1 && digits[end - 1] == '0') {
            end--;
        }
        int len = end - lead;
        char[] d = new char[Math.max(len, 1) + 1];
        System.arraycopy(digits, lead, d, 0, len);
        if (len == 2) {
            // is there a 1-digit decimal that round-trips? Python prefers it.
            int d1 = d[0] - '0';
            int sciExp = decpt - 1;
            double lo = parse(value < 0, d1, sciExp);
            int up = d1 + 1;
            int upExp = sciExp;
            if (up == 10) {
                up = 1;
                upExp++;
            }
            double hi = parse(value < 0, up, upExp);
            boolean loOk = d1 != 0 && lo == value;
            boolean hiOk = hi == value;
            if (loOk && hiOk) {
                BigDecimal exact = new BigDecimal(value).abs();
                BigDecimal loDiff = exact.subtract(new BigDecimal(d1).scaleByPowerOfTen(sciExp))
                        .abs();
                BigDecimal hiDiff = new BigDecimal(up)
                        .scaleByPowerOfTen(upExp)
                        .subtract(exact)
                        .abs();
                int cmp = loDiff.compareTo(hiDiff);
                hiOk = cmp > 0 || (cmp == 0 && (up % 2 == 0));
                loOk = !hiOk;
            }
            if (loOk) {
                len = 1;
            } else if (hiOk) {
                d[0] = (char) ('0' + up);
                len = 1;
                decpt = upExp + 1;
            }
        }
        if (value < 0) {
            out.append('-');
        }
        format(d, len, decpt, out);
    }

    private static double parse(boolean negative, int digit, int exp) {
        return Double.parseDouble((negative ? "-" : "") + digit + "e" + exp);
    }

    /** Python's format_float_short for repr: value = 0.d[0..len) x 10^decpt. */
    private static void format(char[] d, int len, int decpt, StringBuilder out) {
        if (decpt <= -4 || decpt > 16) {
            out.append(d[0]);
            if (len > 1) {
                out.append('.').append(d, 1, len - 1);
            }
            int e = decpt - 1;
            out.append('e').append(e < 0 ? '-' : '+');
            int abs = Math.abs(e);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (decpt <= 0) {
            out.append("0.");
            for (int k = decpt; k < 0; k++) {
                out.append('0');
            }
            out.append(d, 0, len);
        } else if (decpt >= len) {
            out.append(d, 0, len);
            for (int k = len; k < decpt; k++) {
                out.append('0');
            }
            out.append(".0");
        } else {
            out.append(d, 0, decpt).append('.').append(d, decpt, len - decpt);
        }
    }
}
