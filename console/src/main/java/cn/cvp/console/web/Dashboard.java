package cn.cvp.console.web;

import io.quarkus.qute.TemplateData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A programme's dashboard from what the services answer: budget figures, vouchers by state, applications by
 * status, the committed budget over time (burn, from the vouchers' issue dates and face values) and when the
 * budget runs out at the rate of the last 30 days.
 */
@TemplateData
public record Dashboard(Map<String, Object> programme, Map<String, Long> applicationsByStatus, boolean applicationsCapped,
                        Map<String, Long> vouchersByState, List<Row> byDistrict, List<Row> byProvider,
                        String burnSvg, long dailyRateFen, Long daysLeft, LocalDate runsOutOn) {

    @TemplateData
    public record Row(String key, long count, long amountFen, long subsidyFen) {
    }

    static final int WINDOW_DAYS = 30;

    public static Dashboard of(Map<String, Object> programme, List<Map<String, Object>> applications,
                               List<Map<String, Object>> vouchers, List<Map<String, Object>> allocations, Clock clock) {
        Map<String, Long> apps = new TreeMap<>();
        Map<String, long[]> district = new TreeMap<>();
        for (Map<String, Object> a : applications) {
            apps.merge(String.valueOf(a.get("status")), 1L, Long::sum);
            Object regions = a.get("regions");
            String d = regions instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "—";
            long[] row = district.computeIfAbsent(d, k -> new long[3]);
            row[0]++;
            row[1] += nz(a.get("amountFen"));
            row[2] += nz(a.get("requestedSubsidyFen"));
        }
        Map<String, Long> states = new TreeMap<>();
        TreeMap<LocalDate, Long> issuedPerDay = new TreeMap<>();
        for (Map<String, Object> v : vouchers) {
            states.merge(String.valueOf(v.get("status")), 1L, Long::sum);
            if (v.get("issuedAt") != null) {
                LocalDate day = OffsetDateTime.parse(v.get("issuedAt").toString()).atZoneSameInstant(Fmt.SHANGHAI).toLocalDate();
                issuedPerDay.merge(day, nz(v.get("faceValueFen")), Long::sum);
            }
        }
        Map<String, long[]> provider = new TreeMap<>();
        for (Map<String, Object> a : allocations) {
            if (a.get("providerId") == null) {
                continue;
            }
            long[] row = provider.computeIfAbsent(a.get("providerId").toString(), k -> new long[3]);
            row[0]++;
            row[1] += nz(a.get("amountFen"));
            row[2] += nz(a.get("acceptedSubsidyFen"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Fmt.SHANGHAI));
        long window = 0;
        LocalDate first = issuedPerDay.isEmpty() ? today : issuedPerDay.firstKey();
        for (Map.Entry<LocalDate, Long> e : issuedPerDay.entrySet()) {
            if (!e.getKey().isBefore(today.minusDays(WINDOW_DAYS - 1))) {
                window += e.getValue();
            }
        }
        long days = Math.max(1, Math.min(WINDOW_DAYS, ChronoUnit.DAYS.between(first, today) + 1));
        long rate = window / days;
        long remaining = nz(programme.get("budgetRemainingFen"));
        Long left = rate > 0 ? remaining / rate : null;
        return new Dashboard(programme, apps, applications.size() >= 500, states, rows(district), rows(provider),
                burn(issuedPerDay, nz(programme.get("budgetTotalFen")), today),
                rate, left, left == null ? null : today.plusDays(left));
    }

    private static List<Row> rows(Map<String, long[]> m) {
        List<Row> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(new Row(k, v[0], v[1], v[2])));
        rows.sort((a, b) -> Long.compare(b.amountFen, a.amountFen));
        return rows;
    }

    /** The cumulative face value issued per day as an inline SVG line chart (no script, no library). */
    static String burn(TreeMap<LocalDate, Long> perDay, long totalFen, LocalDate today) {
        int w = 640;
        int h = 200;
        int pad = 44;
        if (perDay.isEmpty()) {
            return "";
        }
        LocalDate start = perDay.firstKey().minusDays(1);
        long span = Math.max(1, ChronoUnit.DAYS.between(start, today));
        long cumulative = 0;
        List<long[]> pts = new ArrayList<>();
        pts.add(new long[]{0, 0});
        for (Map.Entry<LocalDate, Long> e : perDay.entrySet()) {
            cumulative += e.getValue();
            pts.add(new long[]{ChronoUnit.DAYS.between(start, e.getKey()), cumulative});
        }
        pts.add(new long[]{span, cumulative});
        long max = Math.max(1, cumulative + cumulative / 10);
        StringBuilder poly = new StringBuilder();
        for (long[] p : pts) {
            double x = pad + (w - 2.0 * pad) * p[0] / span;
            double y = h - pad / 2.0 - (h - pad) * (double) p[1] / max;
            poly.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg viewBox=\"0 0 " + w + " " + h + "\" width=\"100%\" role=\"img\" aria-labelledby=\"burn-title\">"
                + "<title id=\"burn-title\">committed budget over time</title>"
                + "<line x1=\"" + pad + "\" y1=\"" + (h - pad / 2) + "\" x2=\"" + (w - pad) + "\" y2=\"" + (h - pad / 2) + "\" stroke=\"#4a4a4a\"/>"
                + "<line x1=\"" + pad + "\" y1=\"" + pad / 2 + "\" x2=\"" + pad + "\" y2=\"" + (h - pad / 2) + "\" stroke=\"#4a4a4a\"/>"
                + "<polyline fill=\"none\" stroke=\"#0b4f9c\" stroke-width=\"2.5\" points=\"" + poly.toString().trim() + "\"/>"
                + "<text x=\"" + (pad + 4) + "\" y=\"" + (pad / 2 + 10) + "\">" + Fmt.yuan(cumulative) + " / " + Fmt.yuan(totalFen) + "</text>"
                + "<text x=\"" + pad + "\" y=\"" + (h - 4) + "\">" + start + "</text>"
                + "<text x=\"" + (w - pad - 64) + "\" y=\"" + (h - 4) + "\">" + today + "</text></svg>";
    }

    private static long nz(Object o) {
        Long l = Fmt.toLong(o);
        return l == null ? 0 : l;
    }
}
