package cn.cvp.provider.usage.api;

import cn.cvp.provider.usage.domain.UsageRecord;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class UsageRequests {
    private UsageRequests() {
    }

    /** A batch of usage records (at most 1,000). Each record is checked and answered on its own. */
    public record Batch(List<Record> records) {
    }

    /**
     * One usage record: {@code units} card-hours (up to three decimals) in the period, priced at
     * {@code unitPriceFen} per card-hour; {@code amountFen} = units × unitPriceFen rounded half-up.
     */
    public record Record(String recordId, UUID allocationId, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                         BigDecimal units, Long unitPriceFen, Long amountFen, String deliveryCertificateRef) {
        UsageRecord toUsageRecord() {
            return new UsageRecord(recordId, allocationId, periodStart, periodEnd, units, unitPriceFen, amountFen,
                    deliveryCertificateRef);
        }
    }

    /** A correction of a usage report: the corrected figures (record id and allocation stay) and why. */
    public record Correction(@NotNull OffsetDateTime periodStart, @NotNull OffsetDateTime periodEnd,
                             @NotNull BigDecimal units, @NotNull Long unitPriceFen, @NotNull Long amountFen,
                             @NotBlank @Size(max = 256) String deliveryCertificateRef,
                             @NotBlank @Size(max = 1000) String reason) {
        UsageRecord toUsageRecord() {
            return new UsageRecord(null, null, periodStart, periodEnd, units, unitPriceFen, amountFen,
                    deliveryCertificateRef);
        }
    }
}
