package cn.cvp.voucher.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One version of a programme's rule set, stored as data (DESIGN.md §3): a new programme or a changed
 * rule is configuration, not code. Amounts in fen.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgrammeRules(
        String jurisdiction,
        ProgrammeKind kind,
        FundingModel model,
        BigDecimal subsidyRatio,
        BigDecimal domesticChipSubsidyRatio,
        BigDecimal startupSubsidyRatio,
        long annualCapFen,
        Long teamAnnualCapFen,
        boolean capCountsRedeemed,
        Set<ResourceCategory> coveredCategories,
        String eligibleRegionPrefix,
        Set<String> eligibleIndustries,
        Set<String> eligibleSizes,
        boolean teamsAllowed,
        int dishonestyLookbackYears,
        Set<ProviderRequirement> providerRequirements,
        LocalDate earliestContractDate,
        Integer maxContractMonths,
        boolean oneContractOneApplication,
        int voucherValidityMonths,
        long secondApproverThresholdFen,
        SettlementCycle settlementCycle,
        RedemptionSubmitter redemptionSubmitter,
        LocalDate applicationWindowStart,
        LocalDate applicationWindowEnd) {

    public enum ProgrammeKind { COMPUTE_VOUCHER, INNOVATION_VOUCHER }

    /** 合同先行 (contract first, Beijing) or 额度先行 (quota first, Shanghai). */
    public enum FundingModel { CONTRACT_FIRST, QUOTA_FIRST }

    public enum ProviderRequirement { PARTNER_PROGRAMME, LISTED_INSTITUTION, PRIVATELY_INVESTED }

    public enum SettlementCycle { MONTHLY, QUARTERLY }

    public enum RedemptionSubmitter { ENTERPRISE, PROVIDER }

    /** The ratio that applies to an enterprise and a resource class (tiers for startups and domestic chips). */
    public BigDecimal ratioFor(Enterprise enterprise, ResourceClass resourceClass) {
        BigDecimal ratio = subsidyRatio;
        if (startupSubsidyRatio != null && enterprise.startup && startupSubsidyRatio.compareTo(ratio) > 0) {
            ratio = startupSubsidyRatio;
        }
        if (domesticChipSubsidyRatio != null && resourceClass.domesticChip()
                && domesticChipSubsidyRatio.compareTo(ratio) > 0) {
            ratio = domesticChipSubsidyRatio;
        }
        return ratio;
    }

    public long annualCapFor(Enterprise enterprise) {
        return enterprise.team && teamAnnualCapFen != null ? teamAnnualCapFen : annualCapFen;
    }
}
