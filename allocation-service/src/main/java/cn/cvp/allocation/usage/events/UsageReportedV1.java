package cn.cvp.allocation.usage.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * usage.reported.v1 as allocation-service reads it. Only what is needed to decide is required: a report with
 * nonsensical values (negative units, a period ending before it starts) is rejected, not dead-lettered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageReportedV1(
        @NotNull UUID usageReportId,
        Integer version,
        UUID correctsUsageReportId,
        @NotNull UUID providerId,
        @NotNull UUID allocationId,
        String recordId,
        @NotBlank String periodStart,
        @NotBlank String periodEnd,
        @NotNull BigDecimal units,
        @NotNull Long unitPriceFen,
        @NotNull Long amountFen,
        String deliveryCertificateRef) {
    public static final String TYPE = "usage.reported.v1";
}
