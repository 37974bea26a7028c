package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * voucher.issued.v1 as allocation-service reads it. Ratios arrive as decimal strings ("0.20").
 *
 * @param subsidyRatio             the ratio voucher-service decided for this voucher, its programme's tiers (startups,
 *                                 domestic chips) applied to the enterprise and the demand's resource class: the ratio
 *                                 of every allocation of the voucher and of the subsidy of its usage
 * @param domesticChipSubsidyRatio the programme's domestic-chip ratio; only the matcher's preference for
 *                                 domestic-chip offerings at an equal price reads it
 * @param quota                    a quota (额度) of a quota-first programme: recorded, its own demand never matched;
 *                                 the orders placed on it are (order.placed.v1). Absent means false.
 * @param contractProviderCreditCode the provider a contract-first voucher's contract was signed with: only its
 *                                 offerings may serve the voucher; null (or absent, from an older producer) otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoucherIssuedV1(
        @NotNull UUID voucherId,
        UUID applicationId,
        UUID programmeId,
        @NotBlank String programmeCode,
        @NotBlank String enterpriseCreditCode,
        List<String> enterpriseRelatedParties,
        @NotNull @PositiveOrZero Long faceValueFen,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal subsidyRatio,
        @DecimalMin("0") @DecimalMax("1") BigDecimal domesticChipSubsidyRatio,
        List<String> providerRequirements,
        @NotBlank String approvedAt,
        String validUntil,
        @NotNull @Valid Demand demand,
        Boolean quota,
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String contractProviderCreditCode) {
    public static final String TYPE = "voucher.issued.v1";

    /**
     * @param unit      CARD_HOUR, CORE_HOUR or TB_MONTH; absent on events from before units: CARD_HOUR
     * @param quantity  in {@code unit}; absent on events from before units: {@code cardHours}
     * @param cardHours the quantity of a card-hour demand (kept for the consumers from before units)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Demand(
            @NotBlank String resourceClass,
            String unit,
            @Positive Long quantity,
            @Positive Long cardHours,
            List<String> regions,
            @NotBlank String windowStart,
            @NotBlank String windowEnd) {
    }
}
