package cn.cvp.voucher.programme.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRuleSet;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.persistence.ProgrammeRepository;
import cn.cvp.voucher.programme.persistence.ProgrammeRuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Administrators create a programme (DRAFT) from its rules: a new city's scheme is configuration, not code. */
@ApplicationScoped
public class CreateProgramme {

    public record Command(String code, String name, long budgetTotalFen, ProgrammeRules rules) {
    }

    private final ProgrammeRepository programmes;
    private final ProgrammeRuleSetRepository ruleSets;
    private final AuditLog audit;
    private final Clock clock;

    public CreateProgramme(ProgrammeRepository programmes, ProgrammeRuleSetRepository ruleSets, AuditLog audit, Clock clock) {
        this.programmes = programmes;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Programme create(Command command, Actor actor) {
        command.rules().requireConsistent();
        if (programmes.existsByCode(command.code())) {
            throw DomainException.conflict("PROGRAMME_EXISTS", "Programme " + command.code() + " already exists",
                    "项目 " + command.code() + " 已存在");
        }
        Programme p = Programme.draft(UUID.randomUUID(), command.code(), command.name(), command.budgetTotalFen());
        programmes.persist(p);
        ruleSets.persist(ProgrammeRuleSet.of(p, command.rules(), OffsetDateTime.now(clock), actor.username()));
        audit.record(actor, "PROGRAMME_CREATED", "Programme", p.id(), null,
                Map.of("code", p.code(), "budgetTotalFen", p.budgetTotalFen(), "rules", command.rules()));
        return p;
    }
}
