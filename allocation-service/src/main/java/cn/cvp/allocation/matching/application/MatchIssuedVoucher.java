package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Voucher;

/** voucher.issued.v1: record the voucher and match its whole demand. */
public record MatchIssuedVoucher(String eventId, Voucher.Issued voucher) {
}
