package cn.cvp.voucher.programme.domain;

import cn.cvp.kit.domain.DomainException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One version of a programme's rule set, stored as data: a new programme or a changed
 * rule is configuration, not code. Amounts in fen. The rules that read them are classes of their own, named after
 * the rule ({@link Subsidy}, {@link ProgrammeBudget}, the review context's {@code AnnualCap}, {@code FourEyes}, …).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgrammeRules(
        @NotBlank @Pattern(regexp = "\\d{6}") String jurisdiction,
        @NotNull ProgrammeKind kind,
        @NotNull FundingModel model,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal subsidyRatio,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal domesticChipSubsidyRatio,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal startupSubsidyRatio,
        @Positive @Max(100_000_000_000L) long annualCapFen,
        @Positive Long teamAnnualCapFen,
        boolean capCountsRedeemed,
        @NotEmpty Set<@NotNull ResourceCategory> coveredCategories,
        @Pattern(regexp = "\\d{2,6}") String eligibleRegionPrefix,
        Set<@NotBlank String> eligibleIndustries,
        Set<@NotBlank String> eligibleSizes,
        boolean teamsAllowed,
        @Min(0) @Max(20) int dishonestyLookbackYears,
        @NotNull Set<@NotNull ProviderRequirement> providerRequirements,
        LocalDate earliestContractDate,
        @Min(1) @Max(120) Integer maxContractMonths,
        boolean oneContractOneApplication,
        @Min(1) @Max(120) int voucherValidityMonths,
        @PositiveOrZero long secondApproverThresholdFen,
        @NotNull SettlementCycle settlementCycle,
        @NotNull RedemptionSubmitter redemptionSubmitter,
        @NotNull LocalDate applicationWindowStart,
        @NotNull LocalDate applicationWindowEnd) {

    public enum ProgrammeKind { COMPUTE_VOUCHER, INNOVATION_VOUCHER }

    /** 合同先行 (contract first, Beijing) or 额度先行 (quota first, Shanghai). */
    public enum FundingModel { CONTRACT_FIRST, QUOTA_FIRST }

    public enum ProviderRequirement { PARTNER_PROGRAMME, LISTED_INSTITUTION, PRIVATELY_INVESTED }

    public enum SettlementCycle { MONTHLY, QUARTERLY }

    public enum RedemptionSubmitter { ENTERPRISE, PROVIDER }

    /**
     * Rules that contradict each other are refused (the field constraints are checked by Bean Validation first):
     * the application window ends after it starts, and the teams' cap is not above the enterprises' cap.
     */
    public void requireConsistent() {
        if (applicationWindowEnd.isBefore(applicationWindowStart)) {
            throw DomainException.invalid("INVALID_WINDOW", "The application window must end after it starts",
                    "申报截止日期须晚于开始日期");
        }
        if (teamAnnualCapFen != null && teamAnnualCapFen > annualCapFen) {
            throw DomainException.invalid("INVALID_RULES", "The teams' cap cannot exceed the enterprises' cap",
                    "团队补贴上限不得高于企业上限");
        }
    }
}
