package cn.cvp.voucher.settlement.api;

import cn.cvp.voucher.settlement.domain.Statement;
import cn.cvp.voucher.settlement.domain.StatementLine;
import cn.cvp.voucher.support.Money;

import java.util.List;

/**
 * A statement as CSV: one row per provider, then one per enterprise, then a TOTAL row; amounts in yuan with two
 * decimals, lines ended by CRLF.
 */
final class StatementCsv {
    private static final String HEADER = "programme,period_start,period_end,section,party,party_name,captures,"
            + "usage_amount_yuan,subsidy_yuan,co_payment_yuan\r\n";

    private StatementCsv() {
    }

    static String render(Statement s) {
        StringBuilder out = new StringBuilder(HEADER);
        rows(out, s, "PROVIDER", s.providers());
        rows(out, s, "ENTERPRISE", s.enterprises());
        long captures = s.enterprises().stream().mapToLong(StatementLine::captures).sum();
        out.append(String.join(",", s.programmeCode(), s.periodStart().toString(), s.periodEnd().toString(), "TOTAL",
                "", "", String.valueOf(captures), Money.yuan(s.usageAmountFen()), Money.yuan(s.subsidyFen()),
                Money.yuan(s.usageAmountFen() - s.subsidyFen()))).append("\r\n");
        return out.toString();
    }

    private static void rows(StringBuilder out, Statement s, String section, List<StatementLine> lines) {
        for (StatementLine l : lines) {
            out.append(String.join(",", s.programmeCode(), s.periodStart().toString(), s.periodEnd().toString(),
                    section, l.party(), quoted(l.partyName()), String.valueOf(l.captures()),
                    Money.yuan(l.usageAmountFen()), Money.yuan(l.subsidyFen()), Money.yuan(l.coPaymentFen())))
                    .append("\r\n");
        }
    }

    private static String quoted(String text) {
        String t = text == null ? "" : text;
        return t.contains(",") || t.contains("\"") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
