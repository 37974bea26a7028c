package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * The contract's terms (合同要求): a contract-first programme (Beijing) requires a signed compute contract; a contract
 * must be signed on or after the programme's earliest date (Beijing: 2023-09-01) and run at most its longest term
 * (Beijing: 12 months).
 */
public final class ContractTerms {
    private ContractTerms() {
    }

    /** Every term the application's contract fails, in this order: required, signed too early, too long. */
    public static List<Refusal> check(ProgrammeRules rules, Contract contract) {
        List<Refusal> refusals = new ArrayList<>();
        if (rules.model() == ProgrammeRules.FundingModel.CONTRACT_FIRST && contract.number() == null) {
            refusals.add(new Refusal("CONTRACT_REQUIRED",
                    "This programme requires a signed compute contract", "本项目须先签订算力服务合同"));
        }
        if (contract.signedOn() != null && rules.earliestContractDate() != null
                && contract.signedOn().isBefore(rules.earliestContractDate())) {
            refusals.add(new Refusal("CONTRACT_TOO_EARLY",
                    "The contract must be signed on or after " + rules.earliestContractDate(),
                    "合同签订日期须不早于 " + rules.earliestContractDate()));
        }
        if (contract.months() != null && rules.maxContractMonths() != null
                && contract.months() > rules.maxContractMonths()) {
            refusals.add(new Refusal("CONTRACT_TOO_LONG",
                    "The contract term may be at most " + rules.maxContractMonths() + " months",
                    "合同期限不得超过 " + rules.maxContractMonths() + " 个月"));
        }
        return refusals;
    }
}
