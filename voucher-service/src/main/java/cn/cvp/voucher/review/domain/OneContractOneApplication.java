package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * One contract, one subsidy (一个合同只能申请一次): a contract — its number, the enterprise and the provider that
 * signed it — that another submitted, under-review, approved or issued application uses, in this programme or any
 * other, cannot be applied for again; a rejected, withdrawn, lapsed or returned application frees it. Two enterprises
 * may each have a contract "HT-001". (The partial unique index {@code application_contract_once} on the same key backs
 * it under concurrency; {@code SubmitApplication} answers its violation with the same refusal.)
 */
public final class OneContractOneApplication {
    private OneContractOneApplication() {
    }

    /**
     * @param contractNumber the application's contract number
     * @param usedElsewhere  whether another live application (submitted, under review, approved or issued) of any
     *                       programme has the same contract number, enterprise and provider
     */
    public static Optional<Refusal> check(ProgrammeRules rules, String contractNumber, boolean usedElsewhere) {
        if (rules.oneContractOneApplication() && usedElsewhere) {
            return Optional.of(alreadyUsed(contractNumber));
        }
        return Optional.empty();
    }

    /** The refusal, also when the unique index finds a concurrent submission of the same contract first. */
    public static Refusal alreadyUsed(String contractNumber) {
        return new Refusal("CONTRACT_ALREADY_USED",
                "Contract " + contractNumber + " already has an application",
                "合同 " + contractNumber + " 已申请过补贴");
    }
}
