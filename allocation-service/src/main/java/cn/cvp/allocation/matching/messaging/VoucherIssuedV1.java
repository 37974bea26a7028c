package cn.cvp.allocation.matching.messaging;

import cn.cvp.allocation.matching.domain.ProviderRequirement;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.support.EventTimes;
import cn.cvp.kit.events.MalformedEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** voucher.issued.v1 as allocation-service reads it. Ratios arrive as decimal strings ("0.20"). */
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
        @NotNull @Valid Demand demand) {
    public static final String TYPE = "voucher.issued.v1";

    /** The voucher in domain terms; times and requirements that cannot be read make the event malformed. */
    public Voucher.Issued toIssued() {
        OffsetDateTime windowStart = EventTimes.start("demand.windowStart", demand.windowStart());
        OffsetDateTime windowEnd = EventTimes.end("demand.windowEnd", demand.windowEnd());
        if (!windowEnd.isAfter(windowStart)) {
            throw new MalformedEventException("voucher " + voucherId + " has a demand window that ends before it starts");
        }
        return new Voucher.Issued(voucherId, applicationId, programmeId, programmeCode, enterpriseCreditCode,
                orEmpty(enterpriseRelatedParties), faceValueFen, subsidyRatio, domesticChipSubsidyRatio,
                requirements(providerRequirements), EventTimes.start("approvedAt", approvedAt),
                validUntil == null ? null : EventTimes.end("validUntil", validUntil),
                demand.resourceClass(), demand.cardHours(), orEmpty(demand.regions()), windowStart, windowEnd);
    }

    /** An unknown requirement cannot be checked, so the voucher cannot be matched safely: dead-letter it. */
    private static Set<ProviderRequirement> requirements(List<String> codes) {
        Set<ProviderRequirement> result = EnumSet.noneOf(ProviderRequirement.class);
        for (String code : orEmpty(codes)) {
            try {
                result.add(ProviderRequirement.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("unknown provider requirement '" + code + "' (known: "
                        + List.of(ProviderRequirement.values()) + ")");
            }
        }
        return result;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Demand(
            @NotBlank String resourceClass,
            @NotNull @Positive Long cardHours,
            List<String> regions,
            @NotBlank String windowStart,
            @NotBlank String windowEnd) {
    }
}
