package org.accords.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for output files: fixed decimals, no locale, no exponent, trailing zeros trimmed. */
public final class Num {
    private Num() {}

    public static String fmt(double x) {
        return fmt(x, 6);
    }

    public static String fmt(double x, int decimals) {
        if (Double.isNaN(x)) return "";
        BigDecimal d = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) return "0";
        return d.toPlainString();
    }
}
