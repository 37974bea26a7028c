package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Money;

/**
 * The annual quota (年度额度) of a quota-first programme (额度先行, Shanghai): an enterprise applies once a year, and
 * what it applies for is its annual cap under the programme's rules ({@link AnnualCap}: ¥300,000 for a technology
 * SME, ¥100,000 for an incubated team in Shanghai's rules) — capped, like any face value, by what is left of the cap
 * and of the programme budget ({@link FaceValue}). Only a quota-first programme grants quotas; a second quota
 * application of the enterprise in the same year, while the first is under review or issued, is refused.
 */
public final class OneQuotaAYear {
    private OneQuotaAYear() {
    }

    /** The quota an enterprise applies for: its annual cap under the rules. */
    public static long quotaFen(ProgrammeRules rules, Enterprise enterprise) {
        return AnnualCap.of(rules, enterprise).capFen();
    }

    /** At drafting: only a quota-first programme grants quotas. */
    public static void requireOffered(ProgrammeRules rules, String programmeCode) {
        if (rules.model() != ProgrammeRules.FundingModel.QUOTA_FIRST) {
            throw DomainException.refused("QUOTA_NOT_OFFERED",
                    "Programme " + programmeCode + " is contract first: apply with a contract, not for a quota",
                    "项目 " + programmeCode + " 为合同先行，请按合同申请，不能申请额度");
        }
    }

    /**
     * At submission, with the enterprise's annual counter locked (concurrent submissions wait for each other).
     *
     * @param otherThisYear whether another quota application of the enterprise under the programme, submitted this
     *                      year, is under review, approved or issued
     */
    public static void requireFirstThisYear(boolean otherThisYear, int year, long quotaFen) {
        if (otherThisYear) {
            throw DomainException.conflict("QUOTA_ALREADY_GRANTED",
                    "The enterprise already has its " + year + " quota (up to " + Money.yuan(quotaFen)
                            + " yuan) under this programme, or an application for it; one quota a year",
                    "该企业 " + year + " 年度已在本项目申请或获得额度（最高 " + Money.yuan(quotaFen) + " 元），每年只能申请一次");
        }
    }
}
