package cn.cvp.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Money from integer fen as ¥ with two decimals; instants in Asia/Shanghai. Never floating point. */
public final class Fmt {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Fmt() {
    }

    /** 123456 fen → "¥1,234.56"; -5 → "-¥0.05"; null → "—". */
    public static String yuan(Object fen) {
        Long f = toLong(fen);
        if (f == null) {
            return "—";
        }
        long abs = Math.abs(f);
        return (f < 0 ? "-" : "") + String.format("¥%,d.%02d", abs / 100, abs % 100);
    }

    /** "2026-11-22T08:00:00Z" → "2026-11-22 16:00" (Asia/Shanghai); a date stays a date. */
    public static String time(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "—";
        }
        String s = iso.toString();
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(SHANGHAI).format(TIME);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).toString();
            } catch (DateTimeParseException e2) {
                return s;
            }
        }
    }

    /** Parses a yuan amount typed into a form ("3000", "3,000.5", "¥3000.50") into fen; null when not a number. */
    public static Long fenOf(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.replace("¥", "").replace(",", "").trim()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    public static Long toLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
