package cn.cvp.allocation.matching.api;

import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.support.EventTimes;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An allocation as the API shows it; {@code explanation} only on the single-allocation view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Allocation", description = "A capacity reservation for part of a voucher's demand, or a waitlist entry")
public record AllocationView(
        UUID allocationId,
        UUID voucherId,
        @Schema(description = "null while WAITLISTED") UUID offeringId,
        Integer offeringVersion,
        UUID providerId,
        @Schema(description = "the provider's name as registered (null while WAITLISTED)") String providerName,
        String enterpriseCreditCode,
        String resourceClass,
        String region,
        Boolean domesticChip,
        @Schema(description = "cards, cores or TB reserved") int units,
        @Schema(enumeration = {"CARD_HOUR", "CORE_HOUR", "TB_MONTH"}, description = "what quantity, price and usage are counted in") String unit,
        @Schema(description = "reserved (or waiting, while WAITLISTED), in unit") long quantity,
        @Schema(description = "the quantity, for a CARD_HOUR allocation only (as before units)") Long cardHours,
        @Schema(description = "price per unit-hour, or per TB-month, fen") Long unitPriceFen,
        @Schema(description = "quantity × unitPriceFen") Long amountFen,
        @Schema(description = "subsidy ratio that applies to this capacity, decimal string") String subsidyRatio,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        @Schema(enumeration = {"PROPOSED", "HELD", "ACTIVE", "COMPLETED", "CANCELLED", "WAITLISTED"}) String status,
        @Schema(description = "why it is waitlisted or cancelled") String statusReason,
        Long holdFen,
        @Schema(description = "accepted usage in unit, decimal string (the name stays from card-hours)") String acceptedCardHours,
        long acceptedAmountFen,
        long acceptedSubsidyFen,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "candidates considered, why each was excluded or how it ranked, and the rule that chose")
        JsonNode explanation) {

    static AllocationView of(Allocation a, String providerName, JsonNode explanation) {
        return new AllocationView(a.allocationId(), a.voucherId(), a.offeringId(), a.offeringVersion(), a.providerId(),
                providerName, a.enterpriseCreditCode(), a.resourceClass(), a.region(), a.domesticChip(), a.units(), a.unit(), a.cardHours(),
                "CARD_HOUR".equals(a.unit()) ? a.cardHours() : null,
                a.unitPriceFen(), a.amountFen(), a.subsidyRatio() == null ? null : a.subsidyRatio().toPlainString(),
                EventTimes.inProgrammeZone(a.windowStart()), EventTimes.inProgrammeZone(a.windowEnd()),
                a.status().name(), a.statusReason(), a.holdFen(), a.acceptedUnits().toPlainString(),
                a.acceptedAmountFen(), a.acceptedSubsidyFen(), EventTimes.inProgrammeZone(a.createdAt()),
                EventTimes.inProgrammeZone(a.updatedAt()), explanation);
    }
}
