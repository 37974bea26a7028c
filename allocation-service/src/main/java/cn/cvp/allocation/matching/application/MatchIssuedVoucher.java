package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Voucher;

/** voucher.issued.v1: record the voucher and match its whole demand — a quota's ({@code quota}) is recorded only. */
public record MatchIssuedVoucher(String eventId, Voucher.Issued voucher, boolean quota) {

    public MatchIssuedVoucher(String eventId, Voucher.Issued voucher) {
        this(eventId, voucher, false);
    }
}
