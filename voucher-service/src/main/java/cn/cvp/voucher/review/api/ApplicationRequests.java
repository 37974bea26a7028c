package cn.cvp.voucher.review.api;

import cn.cvp.kit.creditcode.ValidCreditCode;
import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.programme.domain.ResourceClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public final class ApplicationRequests {
    private ApplicationRequests() {
    }

    /**
     * A new application (DRAFT). {@code amountFen} is the contract amount, or the estimate under a quota-first
     * programme; {@code quota}: an application for the enterprise's annual quota (额度, quota-first programmes only).
     */
    public record Create(
            @NotBlank @Size(max = 32) String programmeCode,
            @NotNull @Valid Demand demand,
            @NotBlank @Size(max = 500) String purpose,
            @Positive @Max(1_000_000_000_000L) long amountFen,
            @Valid Contract contract,
            boolean otherMunicipalSubsidy,
            boolean quota) {
    }

    /**
     * @param unit      optional; if given, the resource class's (CARD_HOUR, CORE_HOUR or TB_MONTH)
     * @param quantity  in the class's unit
     * @param cardHours the quantity of a card-hour class, as requests from before units send it
     */
    public record Demand(
            @NotNull ResourceClass resourceClass,
            BillingUnit unit,
            @Positive @Max(10_000_000) Long quantity,
            @Positive @Max(10_000_000) Long cardHours,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit administrative division code") String> regions,
            @NotNull OffsetDateTime windowStart,
            @NotNull OffsetDateTime windowEnd) {
    }

    public record Contract(
            @NotBlank @Size(max = 64) String number,
            @NotNull LocalDate signedOn,
            @NotNull @Min(1) @Max(120) Integer months,
            @ValidCreditCode String providerCreditCode) {
    }

    public record Decision(@Size(max = 2000) String reason) {
    }
}
