package cn.cvp.voucher.programme.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Changes a programme's total budget, never below what is committed and reserved. */
@ApplicationScoped
public class ChangeProgrammeBudget {

    public record Command(String programmeCode, long budgetTotalFen) {
    }

    private final Programmes programmes;
    private final AuditLog audit;

    public ChangeProgrammeBudget(Programmes programmes, AuditLog audit) {
        this.programmes = programmes;
        this.audit = audit;
    }

    @Transactional
    public Programme change(Command command, Actor actor) {
        Programme p = programmes.lockByCode(command.programmeCode());
        long before = p.budgetTotalFen();
        p.changeBudget(command.budgetTotalFen());
        audit.record(actor, "PROGRAMME_BUDGET_CHANGED", "Programme", p.id(),
                Map.of("budgetTotalFen", before), Map.of("budgetTotalFen", command.budgetTotalFen()));
        return p;
    }
}
