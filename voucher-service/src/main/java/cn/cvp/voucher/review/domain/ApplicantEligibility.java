package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may apply (申报主体): registered in the programme's region (administrative division prefix), in one of its
 * industries, of one of its sizes — or an incubated team where the programme admits teams —, and without a
 * dishonesty record (失信) in the programme's look-back period ({@code dishonestyLookbackYears}: a record dated
 * within that many years before today, or the enterprise's own undated declaration). Empty lists admit every
 * industry or size.
 */
public final class ApplicantEligibility {
    private ApplicantEligibility() {
    }

    /** Every condition the enterprise fails, in this order: region, industry, size, dishonesty. */
    public static List<Refusal> check(ProgrammeRules rules, Enterprise enterprise, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        if (rules.eligibleRegionPrefix() != null && !enterprise.region().startsWith(rules.eligibleRegionPrefix())) {
            refusals.add(new Refusal("NOT_ELIGIBLE_REGION",
                    "The enterprise must be registered in region " + rules.eligibleRegionPrefix() + "…",
                    "申请主体须注册在本市（行政区划 " + rules.eligibleRegionPrefix() + "）"));
        }
        if (rules.eligibleIndustries() != null && !rules.eligibleIndustries().isEmpty()
                && !rules.eligibleIndustries().contains(enterprise.industry())) {
            refusals.add(new Refusal("NOT_ELIGIBLE_INDUSTRY",
                    "Industry " + enterprise.industry() + " is not eligible (allowed: " + rules.eligibleIndustries() + ")",
                    "所属行业 " + enterprise.industry() + " 不在支持范围内"));
        }
        if (enterprise.team() ? !rules.teamsAllowed()
                : rules.eligibleSizes() != null && !rules.eligibleSizes().isEmpty()
                && !rules.eligibleSizes().contains(enterprise.size())) {
            refusals.add(new Refusal("NOT_ELIGIBLE_SIZE",
                    "Enterprise size " + (enterprise.team() ? "TEAM" : enterprise.size()) + " is not eligible",
                    "企业规模 " + (enterprise.team() ? "团队" : enterprise.size()) + " 不符合申报条件"));
        }
        if (enterprise.dishonestWithin(today, rules.dishonestyLookbackYears())) {
            refusals.add(new Refusal("DISHONESTY_RECORD",
                    "The enterprise has a dishonesty record within " + rules.dishonestyLookbackYears() + " years",
                    "企业近 " + rules.dishonestyLookbackYears() + " 年内有失信记录"));
        }
        return refusals;
    }
}
