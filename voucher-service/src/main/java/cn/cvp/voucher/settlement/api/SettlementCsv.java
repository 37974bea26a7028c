package cn.cvp.voucher.settlement.api;

import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementLine;
import cn.cvp.voucher.support.Money;

import java.util.List;

/**
 * A batch as CSV for the finance office: one row per captured usage report, then a TOTAL row; amounts in yuan with
 * two decimals, lines ended by CRLF.
 */
final class SettlementCsv {
    private static final String HEADER = "programme,period_start,period_end,batch_id,status,voucher_id,usage_report_id,"
            + "provider_id,enterprise_credit_code,captured_at,usage_amount_yuan,subsidy_yuan,co_payment_yuan\r\n";

    private SettlementCsv() {
    }

    static String render(String programmeCode, SettlementBatch b, List<SettlementLine> lines) {
        StringBuilder out = new StringBuilder(HEADER);
        for (SettlementLine l : lines) {
            out.append(String.join(",", programmeCode, b.periodStart().toString(), b.periodEnd().toString(),
                    b.id().toString(), b.status().name(), l.voucherId().toString(), l.usageReportId().toString(),
                    l.providerId() == null ? "" : l.providerId().toString(), l.enterpriseCreditCode(),
                    l.capturedAt().toString(), Money.yuan(l.usageAmountFen()), Money.yuan(l.subsidyFen()),
                    Money.yuan(l.usageAmountFen() - l.subsidyFen()))).append("\r\n");
        }
        out.append(String.join(",", programmeCode, b.periodStart().toString(), b.periodEnd().toString(),
                b.id().toString(), b.status().name(), "TOTAL", String.valueOf(b.lineCount()), "", b.submitterCreditCode(),
                "", Money.yuan(b.usageAmountFen()), Money.yuan(b.subsidyFen()),
                Money.yuan(b.usageAmountFen() - b.subsidyFen()))).append("\r\n");
        return out.toString();
    }
}
