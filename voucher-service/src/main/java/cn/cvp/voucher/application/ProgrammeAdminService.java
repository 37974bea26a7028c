package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.api.ProgrammeRequests;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRuleSet;
import cn.cvp.voucher.domain.ProgrammeRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Administrators create programmes, change their rules (new versions) and budget, open, close and archive them. */
@ApplicationScoped
public class ProgrammeAdminService {
    private final AuditLog audit;
    private final Clock clock;
    private final ProgrammeService programmes;
    private final ApplicationService applications;

    public ProgrammeAdminService(AuditLog audit, Clock clock, ProgrammeService programmes, ApplicationService applications) {
        this.audit = audit;
        this.clock = clock;
        this.programmes = programmes;
        this.applications = applications;
    }

    @Transactional
    public Programme create(Caller caller, ProgrammeRequests.Create request) {
        validate(request.rules());
        if (Programme.count("code", request.code()) > 0) {
            throw ProblemException.conflict("PROGRAMME_EXISTS", "Programme " + request.code() + " already exists",
                    "项目 " + request.code() + " 已存在");
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.code = request.code();
        p.name = request.name();
        p.status = Programme.Status.DRAFT;
        p.currentRulesVersion = 1;
        p.budgetTotalFen = request.budgetTotalFen();
        p.persist();
        storeRules(caller, p, request.rules());
        audit.record(caller.actor(), "PROGRAMME_CREATED", "Programme", p.id, null,
                Map.of("code", p.code, "budgetTotalFen", p.budgetTotalFen, "rules", request.rules()));
        return p;
    }

    @Transactional
    public Programme changeRules(Caller caller, String code, ProgrammeRules rules) {
        validate(rules);
        Programme p = locked(code);
        ProgrammeRules before = programmes.rules(p.id, p.currentRulesVersion);
        p.newRulesVersion();
        storeRules(caller, p, rules);
        audit.record(caller.actor(), "PROGRAMME_RULES_CHANGED", "Programme", p.id,
                Map.of("version", p.currentRulesVersion - 1, "rules", before), Map.of("version", p.currentRulesVersion, "rules", rules));
        return p;
    }

    @Transactional
    public Programme changeBudget(Caller caller, String code, long totalFen) {
        Programme p = locked(code);
        long before = p.budgetTotalFen;
        p.changeBudget(totalFen);
        audit.record(caller.actor(), "PROGRAMME_BUDGET_CHANGED", "Programme", p.id,
                Map.of("budgetTotalFen", before), Map.of("budgetTotalFen", totalFen));
        return p;
    }

    @Transactional
    public Programme open(Caller caller, String code) {
        Programme p = locked(code);
        Programme.Status before = p.status;
        p.open();
        audit.record(caller.actor(), "PROGRAMME_OPENED", "Programme", p.id, Map.of("status", before), Map.of("status", p.status));
        return p;
    }

    /** Closing lapses every undecided application and releases what it reserved. */
    @Transactional
    public Programme close(Caller caller, String code) {
        Programme p = locked(code);
        Programme.Status before = p.status;
        p.close();
        int lapsed = applications.lapseAll(caller, p, "programme closed");
        audit.record(caller.actor(), "PROGRAMME_CLOSED", "Programme", p.id, Map.of("status", before),
                Map.of("status", p.status, "lapsedApplications", lapsed));
        return p;
    }

    @Transactional
    public Programme archive(Caller caller, String code) {
        Programme p = locked(code);
        Programme.Status before = p.status;
        p.archive();
        audit.record(caller.actor(), "PROGRAMME_ARCHIVED", "Programme", p.id, Map.of("status", before), Map.of("status", p.status));
        return p;
    }

    private Programme locked(String code) {
        Programme p = programmes.byCode(code);
        return Programme.findById(p.id, LockModeType.PESSIMISTIC_WRITE);
    }

    private void storeRules(Caller caller, Programme p, ProgrammeRules rules) {
        ProgrammeRuleSet set = new ProgrammeRuleSet();
        set.key = new ProgrammeRuleSet.Key(p.id, p.currentRulesVersion);
        set.rules = rules;
        set.createdAt = OffsetDateTime.now(clock);
        set.createdBy = caller.username();
        set.persist();
    }

    private static void validate(ProgrammeRules rules) {
        if (rules.applicationWindowEnd().isBefore(rules.applicationWindowStart())) {
            throw ProblemException.invalid("INVALID_WINDOW", "The application window must end after it starts",
                    "申报截止日期须晚于开始日期");
        }
        if (rules.teamAnnualCapFen() != null && rules.teamAnnualCapFen() > rules.annualCapFen()) {
            throw ProblemException.invalid("INVALID_RULES", "The teams' cap cannot exceed the enterprises' cap",
                    "团队补贴上限不得高于企业上限");
        }
    }
}
