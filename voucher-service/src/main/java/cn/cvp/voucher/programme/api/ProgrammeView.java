package cn.cvp.voucher.programme.api;

import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;

import java.util.UUID;

/** A programme as the API answers it: budget utilisation in fen, and its current rules. */
public record ProgrammeView(UUID id, String code, String name, String status, int rulesVersion,
                            long budgetTotalFen, long budgetReservedFen, long budgetCommittedFen,
                            long budgetConsumedFen, long budgetRemainingFen, ProgrammeRules rules) {
    public static ProgrammeView of(Programme p, ProgrammeRules rules) {
        return new ProgrammeView(p.id(), p.code(), p.name(), p.status().name(), p.currentRulesVersion(), p.budgetTotalFen(),
                p.budgetReservedFen(), p.budgetCommittedFen(), p.budgetConsumedFen(), p.budgetRemainingFen(), rules);
    }
}
