package cn.cvp.voucher.ledger.api;

import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the vouchers API answers. Money in fen. */
public final class VoucherViews {
    private VoucherViews() {
    }

    public record HoldView(UUID allocationId, long amountFen, long capturedFen, long releasedFen, String status) {
        public static HoldView of(VoucherHold h) {
            return new HoldView(h.allocationId(), h.amountFen(), h.capturedFen(), h.releasedFen(), h.status().name());
        }
    }

    public record VoucherView(UUID id, UUID applicationId, UUID programmeId, String enterpriseCreditCode,
                              String status, BigDecimal subsidyRatio, long faceValueFen, long heldFen,
                              long consumedFen, long returnedFen, long balanceFen, OffsetDateTime issuedAt,
                              OffsetDateTime validUntil, List<HoldView> holds) {
        public static VoucherView of(Voucher v, List<VoucherHold> holds) {
            return new VoucherView(v.id(), v.applicationId(), v.programmeId(), v.enterpriseCreditCode(),
                    v.status().name(), v.subsidyRatio(), v.faceValueFen(), v.heldFen(), v.consumedFen(),
                    v.returnedFen(), v.balanceFen(), v.issuedAt(), v.validUntil(),
                    holds.stream().map(HoldView::of).toList());
        }
    }

    public record LedgerEntryView(long id, String type, long amountFen, UUID allocationId, UUID usageReportId,
                                  Long usageAmountFen, long balanceAfterFen, long heldAfterFen,
                                  long consumedAfterFen, OffsetDateTime occurredAt) {
        public static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id(), e.type().name(), e.amountFen(), e.allocationId(), e.usageReportId(),
                    e.usageAmountFen(), e.balanceAfterFen(), e.heldAfterFen(), e.consumedAfterFen(), e.occurredAt());
        }
    }
}
