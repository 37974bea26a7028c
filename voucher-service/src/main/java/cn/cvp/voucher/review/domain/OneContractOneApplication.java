package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * One contract, one subsidy (一个合同只能申请一次): where the programme says so, a contract number that another open
 * or issued application of the programme already uses cannot be applied for again. (A unique index on
 * {@code application (programme_id, contract_number)} backs it under concurrency.)
 */
public final class OneContractOneApplication {
    private OneContractOneApplication() {
    }

    /**
     * @param contractNumber  the application's contract number
     * @param usedElsewhere   whether another submitted, under-review, approved or issued application of the
     *                        programme has that number
     */
    public static Optional<Refusal> check(ProgrammeRules rules, String contractNumber, boolean usedElsewhere) {
        if (rules.oneContractOneApplication() && usedElsewhere) {
            return Optional.of(new Refusal("CONTRACT_ALREADY_USED",
                    "Contract " + contractNumber + " already has an application",
                    "合同 " + contractNumber + " 已申请过补贴"));
        }
        return Optional.empty();
    }
}
