package cn.cvp.voucher.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The automatic checks run when an application is submitted (DESIGN.md §2 step 3, §3). Each failure
 * has its own stable code. Pure: the caller supplies what needs the database.
 */
public final class SubmissionChecks {

    public record Failure(String code, String messageEn, String messageZh) {
    }

    /** Facts from the database the rules need. */
    public record Context(LocalDate today, boolean contractAlreadyUsed, long committedThisYearFen,
                          long programmeBudgetRemainingFen) {
    }

    private SubmissionChecks() {
    }

    public static List<Failure> run(ProgrammeRules rules, Enterprise enterprise, Application application, Context ctx) {
        List<Failure> failures = new ArrayList<>();
        if (rules.applicationWindowStart() != null && ctx.today().isBefore(rules.applicationWindowStart())
                || rules.applicationWindowEnd() != null && ctx.today().isAfter(rules.applicationWindowEnd())) {
            failures.add(new Failure("WINDOW_CLOSED",
                    "The programme accepts applications from " + rules.applicationWindowStart() + " to " + rules.applicationWindowEnd(),
                    "项目申报时间为 " + rules.applicationWindowStart() + " 至 " + rules.applicationWindowEnd()));
        }
        if (rules.eligibleRegionPrefix() != null && !enterprise.region.startsWith(rules.eligibleRegionPrefix())) {
            failures.add(new Failure("NOT_ELIGIBLE_REGION",
                    "The enterprise must be registered in region " + rules.eligibleRegionPrefix() + "…",
                    "申请主体须注册在本市（行政区划 " + rules.eligibleRegionPrefix() + "）"));
        }
        if (rules.eligibleIndustries() != null && !rules.eligibleIndustries().isEmpty()
                && !rules.eligibleIndustries().contains(enterprise.industry)) {
            failures.add(new Failure("NOT_ELIGIBLE_INDUSTRY",
                    "Industry " + enterprise.industry + " is not eligible (allowed: " + rules.eligibleIndustries() + ")",
                    "所属行业 " + enterprise.industry + " 不在支持范围内"));
        }
        if (enterprise.team ? !rules.teamsAllowed()
                : rules.eligibleSizes() != null && !rules.eligibleSizes().isEmpty() && !rules.eligibleSizes().contains(enterprise.size)) {
            failures.add(new Failure("NOT_ELIGIBLE_SIZE",
                    "Enterprise size " + (enterprise.team ? "TEAM" : enterprise.size) + " is not eligible",
                    "企业规模 " + (enterprise.team ? "团队" : enterprise.size) + " 不符合申报条件"));
        }
        if (enterprise.dishonest) {
            failures.add(new Failure("DISHONESTY_RECORD",
                    "The enterprise has a dishonesty record within " + rules.dishonestyLookbackYears() + " years",
                    "企业近 " + rules.dishonestyLookbackYears() + " 年内有失信记录"));
        }
        if (!rules.coveredCategories().contains(application.resourceClass.category())) {
            failures.add(new Failure("CATEGORY_NOT_COVERED",
                    application.resourceClass + " (" + application.resourceClass.category() + ") is not covered by this programme",
                    application.resourceClass + " 不属于本项目支持的资源类别"));
        }
        if (rules.model() == ProgrammeRules.FundingModel.CONTRACT_FIRST && application.contractNumber == null) {
            failures.add(new Failure("CONTRACT_REQUIRED",
                    "This programme requires a signed compute contract", "本项目须先签订算力服务合同"));
        }
        if (application.contractSignedOn != null && rules.earliestContractDate() != null
                && application.contractSignedOn.isBefore(rules.earliestContractDate())) {
            failures.add(new Failure("CONTRACT_TOO_EARLY",
                    "The contract must be signed on or after " + rules.earliestContractDate(),
                    "合同签订日期须不早于 " + rules.earliestContractDate()));
        }
        if (application.contractMonths != null && rules.maxContractMonths() != null
                && application.contractMonths > rules.maxContractMonths()) {
            failures.add(new Failure("CONTRACT_TOO_LONG",
                    "The contract term may be at most " + rules.maxContractMonths() + " months",
                    "合同期限不得超过 " + rules.maxContractMonths() + " 个月"));
        }
        if (rules.oneContractOneApplication() && ctx.contractAlreadyUsed()) {
            failures.add(new Failure("CONTRACT_ALREADY_USED",
                    "Contract " + application.contractNumber + " already has an application",
                    "合同 " + application.contractNumber + " 已申请过补贴"));
        }
        if (application.otherSubsidyDeclared) {
            failures.add(new Failure("DOUBLE_DIPPING",
                    "The same compute already receives another municipal subsidy",
                    "同一算力已享受其他市级补贴，不得重复申请"));
        }
        long cap = rules.annualCapFor(enterprise);
        if (ctx.committedThisYearFen() + application.requestedSubsidyFen > cap) {
            failures.add(new Failure("ANNUAL_CAP_EXCEEDED",
                    "The annual cap is " + Money.yuan(cap) + " yuan; " + Money.yuan(Math.max(0, cap - ctx.committedThisYearFen())) + " yuan is left this year",
                    "年度补贴上限为 " + Money.yuan(cap) + " 元，本年度剩余 " + Money.yuan(Math.max(0, cap - ctx.committedThisYearFen())) + " 元"));
        }
        if (application.requestedSubsidyFen > ctx.programmeBudgetRemainingFen()) {
            failures.add(new Failure("BUDGET_EXHAUSTED",
                    "The programme has " + Money.yuan(ctx.programmeBudgetRemainingFen()) + " yuan of budget left",
                    "项目剩余预算仅 " + Money.yuan(ctx.programmeBudgetRemainingFen()) + " 元"));
        }
        return failures;
    }
}
