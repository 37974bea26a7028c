package cn.cvp.voucher.settlement.domain;

import cn.cvp.voucher.support.Money;

import java.util.List;

/**
 * The bank-transfer instruction (付款指令) of a batch for the finance office: a header, one line per payee with the
 * amount in fen and in yuan (two decimals), and a control total line, lines ended by CRLF. The payee is the batch's
 * submitter — the enterprise reimbursed (Beijing) or the provider paid (Shanghai) — and the amounts are the batch's
 * lines summed, so the file reconciles to the fen with the ledger's captures.
 *
 * <pre>
 * H,&lt;programme&gt;,&lt;period&gt;,&lt;batch id&gt;,&lt;status&gt;,&lt;payment reference or empty&gt;
 * P,&lt;n&gt;,&lt;payee credit code&gt;,&lt;payee name&gt;,&lt;lines&gt;,&lt;amount fen&gt;,&lt;amount yuan&gt;,&lt;memo&gt;
 * T,&lt;payee count&gt;,&lt;line count&gt;,&lt;total fen&gt;,&lt;total yuan&gt;
 * </pre>
 */
public record PaymentFile(String programmeCode, String period, String batchId, String status, String paymentReference,
                          List<Payee> payees) {

    /** One payee of the file and what it is paid. */
    public record Payee(String creditCode, String name, int lines, long amountFen) {
    }

    /** The file of one batch: its submitter is paid the batch's lines summed. */
    public static PaymentFile of(String programmeCode, SettlementBatch batch, String payeeName,
                                 List<SettlementLine> lines) {
        long total = lines.stream().mapToLong(SettlementLine::subsidyFen).sum();
        return new PaymentFile(programmeCode, batch.period().label(), batch.id().toString(), batch.status().name(),
                batch.paymentReference(),
                List.of(new Payee(batch.submitterCreditCode(), payeeName, lines.size(), total)));
    }

    public long totalFen() {
        return payees.stream().mapToLong(Payee::amountFen).sum();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", "H", programmeCode, period, batchId, status,
                paymentReference == null ? "" : field(paymentReference))).append("\r\n");
        int n = 0;
        int lines = 0;
        for (Payee p : payees) {
            n++;
            lines += p.lines();
            out.append(String.join(",", "P", String.valueOf(n), p.creditCode(), field(p.name()),
                    String.valueOf(p.lines()), String.valueOf(p.amountFen()), Money.yuan(p.amountFen()),
                    field("兑付 " + programmeCode + " " + period))).append("\r\n");
        }
        out.append(String.join(",", "T", String.valueOf(payees.size()), String.valueOf(lines),
                String.valueOf(totalFen()), Money.yuan(totalFen()))).append("\r\n");
        return out.toString();
    }

    /** A free-text field: quoted when it holds a separator or a quote. */
    private static String field(String text) {
        String t = text == null ? "" : text;
        if (t.contains(",") || t.contains("\"") || t.contains("\r") || t.contains("\n")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
