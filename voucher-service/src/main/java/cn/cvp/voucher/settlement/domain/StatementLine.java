package cn.cvp.voucher.settlement.domain;

/** One party's (a provider's or an enterprise's) totals in a {@link Statement}'s period. */
public record StatementLine(String party, String partyName, long captures, long usageAmountFen, long subsidyFen,
                            long coPaymentFen) {
}
