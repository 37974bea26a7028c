package cn.cvp.voucher.programme.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRuleSet;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.persistence.ProgrammeRuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/** New rules are a new version; applications keep the version they were filed under. */
@ApplicationScoped
public class ChangeProgrammeRules {

    public record Command(String programmeCode, ProgrammeRules rules) {
    }

    private final Programmes programmes;
    private final ProgrammeRuleSetRepository ruleSets;
    private final AuditLog audit;
    private final Clock clock;

    public ChangeProgrammeRules(Programmes programmes, ProgrammeRuleSetRepository ruleSets, AuditLog audit, Clock clock) {
        this.programmes = programmes;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Programme change(Command command, Actor actor) {
        ProgrammeRules rules = command.rules();
        rules.requireConsistent();
        Programme p = programmes.lockByCode(command.programmeCode());
        ProgrammeRules before = programmes.currentRules(p);
        p.newRulesVersion();
        ruleSets.persist(ProgrammeRuleSet.of(p, rules, OffsetDateTime.now(clock), actor.username()));
        audit.record(actor, "PROGRAMME_RULES_CHANGED", "Programme", p.id(),
                Map.of("version", p.currentRulesVersion() - 1, "rules", before),
                Map.of("version", p.currentRulesVersion(), "rules", rules));
        return p;
    }
}
