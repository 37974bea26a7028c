package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;

/**
 * Four eyes (双人复核): the reviewer who checked an application (初审) cannot also approve it; above the programme's
 * {@code secondApproverThresholdFen} a second, different approver must approve it as well; and nobody reviews,
 * approves, returns or rejects an application of their own organisation.
 */
public final class FourEyes {
    private FourEyes() {
    }

    /** Whether the requested subsidy is above the programme's threshold, so that two approvers must approve. */
    public static boolean needsSecondApprover(long requestedSubsidyFen, long thresholdFen) {
        return requestedSubsidyFen > thresholdFen;
    }

    /** The applicant's own organisation never decides on its application. */
    public static void requireOtherOrganisation(String applicantCreditCode, String deciderOrganisation) {
        if (applicantCreditCode.equals(deciderOrganisation)) {
            throw DomainException.forbidden("OWN_ORGANISATION",
                    "Nobody may review an application of their own organisation", "不得审核本单位的申请");
        }
    }

    static void requireApproverIsNotReviewer(String approver, String reviewer) {
        if (approver.equals(reviewer)) {
            throw DomainException.forbidden("FOUR_EYES", "The reviewer of an application cannot also approve it",
                    "初审人不得同时审批同一申请");
        }
    }

    static void requireSecondApproverIsNotFirst(String approver, String firstApprover) {
        if (approver.equals(firstApprover)) {
            throw DomainException.forbidden("SECOND_APPROVER_REQUIRED",
                    "Above the programme's threshold a second, different approver must approve",
                    "超过项目阈值的申请须由另一名审批人复核");
        }
    }
}
