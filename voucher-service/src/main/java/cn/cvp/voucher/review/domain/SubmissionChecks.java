package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.domain.ProgrammeBudget;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.support.Refusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The automatic checks run when an application is submitted: every rule in its own class, run in this order, each
 * failure with its own stable code; the annual cap and the budget refuse only when nothing is left of them, and
 * otherwise cap the face value ({@link #faceValue}). Pure: the caller supplies what needs the database ({@link Context}).
 */
public final class SubmissionChecks {

    /**
     * Facts from the database the rules need.
     *
     * @param programmeCode    the application's programme
     * @param contractProvider the provider directory's entry for the contract's provider; null if none is known
     */
    public record Context(LocalDate today, boolean contractAlreadyUsed, long committedThisYearFen,
                          long programmeBudgetRemainingFen, String programmeCode,
                          ProviderDirectoryEntry contractProvider) {
    }

    private SubmissionChecks() {
    }

    /** Every check the application fails (none: it may go to review). */
    public static List<Refusal> run(ProgrammeRules rules, Enterprise enterprise, Application application, Context ctx) {
        List<Refusal> failures = new ArrayList<>();
        ApplicationWindow.check(rules, ctx.today()).ifPresent(failures::add);
        failures.addAll(ApplicantEligibility.check(rules, enterprise, ctx.today()));
        CoveredResources.check(rules, application.resourceClass()).ifPresent(failures::add);
        failures.addAll(ContractTerms.check(rules, application.contract()));
        ContractProvider.check(rules, ctx.programmeCode(), enterprise, application.contract(), ctx.contractProvider())
                .ifPresent(failures::add);
        OneContractOneApplication.check(rules, application.contractNumber(), ctx.contractAlreadyUsed())
                .ifPresent(failures::add);
        NoDoubleDipping.check(application.otherSubsidyDeclared()).ifPresent(failures::add);
        AnnualCap.of(rules, enterprise).check(ctx.committedThisYearFen()).ifPresent(failures::add);
        ProgrammeBudget.check(ctx.programmeBudgetRemainingFen()).ifPresent(failures::add);
        return failures;
    }

    /**
     * The face value a submission that passed reserves: the requested subsidy, capped by what is left of the annual
     * cap and of the budget ({@link FaceValue}).
     */
    public static FaceValue faceValue(ProgrammeRules rules, Enterprise enterprise, Application application, Context ctx) {
        return FaceValue.of(application.requestedSubsidyFen(),
                AnnualCap.of(rules, enterprise).left(ctx.committedThisYearFen()), ctx.programmeBudgetRemainingFen());
    }

    /** The answer to a submission that failed: the first failure's code and message, and every failure in errors[]. */
    public static DomainException refused(List<Refusal> failures) {
        Refusal first = failures.get(0);
        return new DomainException(DomainException.Kind.RULE_VIOLATION, first.code(), first.messageEn(),
                first.messageZh(), Map.of(), failures.stream()
                .map(f -> new DomainException.Violation("application", f.code(), f.messageEn())).toList());
    }
}
