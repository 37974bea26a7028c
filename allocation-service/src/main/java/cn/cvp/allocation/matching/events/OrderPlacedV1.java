package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * order.placed.v1 as allocation-service reads it (key: the quota's voucherId): an order placed on a quota, holding
 * {@code holdFen} of it — the ceiling of its allocations' subsidy, which voucher-service enforces.
 *
 * @param subsidyRatio the ratio of the order, decided by voucher-service: the ratio of its allocations and their usage
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPlacedV1(
        @NotNull UUID orderId,
        @NotNull UUID voucherId,
        @NotNull @Positive Long amountFen,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal subsidyRatio,
        @NotNull @Positive Long holdFen,
        @NotBlank String placedAt,
        @NotNull @Valid Demand demand) {
    public static final String TYPE = "order.placed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Demand(
            @NotBlank String resourceClass,
            @Positive Long cardHours,
            String unit,
            @Positive Long quantity,
            List<String> regions,
            @NotBlank String windowStart,
            @NotBlank String windowEnd,
            String providerCreditCode) {
    }
}
