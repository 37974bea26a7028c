package cn.cvp.voucher.settlement.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme's statement (结算单) of one settlement period, computed from the ledger's captures: per provider and per
 * enterprise, the usage, the subsidy and the co-payment. Sums of ledger entries, so it reconciles to the fen.
 */
public record Statement(String programmeCode, LocalDate periodStart, LocalDate periodEnd, List<StatementLine> providers,
                        List<StatementLine> enterprises, long subsidyFen, long usageAmountFen) {

    public static Statement of(String programmeCode, SettlementPeriod period, List<StatementLine> providers,
                               List<StatementLine> enterprises) {
        return new Statement(programmeCode, period.start(), period.end(), providers, enterprises,
                enterprises.stream().mapToLong(StatementLine::subsidyFen).sum(),
                enterprises.stream().mapToLong(StatementLine::usageAmountFen).sum());
    }
}
