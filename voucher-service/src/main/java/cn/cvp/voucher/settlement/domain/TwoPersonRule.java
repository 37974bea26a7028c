package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;

/**
 * Redemption money moves under two pairs of eyes: the staff member who marks a batch paid is not the one who approved
 * it, and nobody decides on a batch of their own organisation.
 */
public final class TwoPersonRule {
    private TwoPersonRule() {
    }

    /** @throws DomainException {@code TWO_PERSON_RULE} when the payer is the approver (by token subject) */
    public static void requireDifferentPayer(String approverSubject, String payerSubject) {
        if (approverSubject != null && approverSubject.equals(payerSubject)) {
            throw DomainException.forbidden("TWO_PERSON_RULE",
                    "The batch was approved by you; another staff member must mark it paid",
                    "该批次由您审批，须由另一名工作人员确认支付");
        }
    }

    /** @throws DomainException {@code OWN_ORGANISATION} when the deciding staff member belongs to the submitter */
    public static void requireOtherOrganisation(String staffOrganisation, String submitterCreditCode) {
        if (staffOrganisation != null && staffOrganisation.equals(submitterCreditCode)) {
            throw DomainException.forbidden("OWN_ORGANISATION",
                    "You cannot decide on your own organisation's redemption batch", "不能处理本组织的兑付批次");
        }
    }
}
