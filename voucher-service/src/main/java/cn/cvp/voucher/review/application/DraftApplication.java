package cn.cvp.voucher.review.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.application.Enterprises;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.Subsidy;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.ApplicationKind;
import cn.cvp.voucher.review.domain.OneQuotaAYear;
import cn.cvp.voucher.review.domain.Contract;
import cn.cvp.voucher.review.domain.Demand;
import cn.cvp.voucher.review.persistence.ApplicationRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise drafts an application (DRAFT) under an open programme, and revises it while it is a draft or after
 * it was returned. The requested subsidy follows from the amount by the application's rules version ({@link Subsidy});
 * for a quota application (quota-first programmes only) it is the enterprise's annual quota ({@link OneQuotaAYear}).
 */
@ApplicationScoped
public class DraftApplication {

    /** What the enterprise asks for; {@code amountFen} is the contract amount, or the estimate under a quota-first programme. */
    public record Draft(String programmeCode, Demand demand, String purpose, long amountFen, Contract contract,
                        boolean otherMunicipalSubsidy, boolean quota) {

        public Draft(String programmeCode, Demand demand, String purpose, long amountFen, Contract contract,
                     boolean otherMunicipalSubsidy) {
            this(programmeCode, demand, purpose, amountFen, contract, otherMunicipalSubsidy, false);
        }
    }

    public record Revise(UUID applicationId, Draft draft) {
    }

    private final ApplicationRepository repository;
    private final Applications applications;
    private final Programmes programmes;
    private final Enterprises enterprises;
    private final AuditLog audit;
    private final Clock clock;

    public DraftApplication(ApplicationRepository repository, Applications applications, Programmes programmes,
                            Enterprises enterprises, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.programmes = programmes;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application draft(Draft draft, Actor actor) {
        Enterprise enterprise = enterprises.byCreditCode(Organisations.require(actor))
                .orElseThrow(() -> DomainException.refused("ENTERPRISE_NOT_REGISTERED",
                        "Register your organisation as an enterprise before applying", "请先完成企业登记再申请"));
        Programme programme = programmes.byCode(draft.programmeCode());
        programme.requireOpen();
        ProgrammeRules rules = programmes.currentRules(programme);
        if (draft.quota()) {
            OneQuotaAYear.requireOffered(rules, programme.code());
        }
        draft.demand().requireValidWindow();
        Application a = Application.draft(UUID.randomUUID(), programme.id(), programme.currentRulesVersion(),
                enterprise.id(), enterprise.creditCode(), OffsetDateTime.now(clock));
        describe(a, draft, rules, enterprise);
        repository.persist(a);
        audit.record(actor, "APPLICATION_CREATED", "Application", a.id(), null, a.snapshot());
        return a;
    }

    /** Changes a draft or returned application (the enterprise revises it after a return). */
    @Transactional
    public Application revise(Revise revise, Actor actor) {
        Draft draft = revise.draft();
        Application a = applications.ownLocked(actor, revise.applicationId());
        a.requireEditable();
        Programme programme = programmes.get(a.programmeId());
        if (!programme.code().equals(draft.programmeCode())) {
            throw DomainException.invalid("PROGRAMME_CHANGE_NOT_ALLOWED",
                    "An application cannot move to another programme; withdraw it and apply there",
                    "申请不能转到其他项目，请撤回后重新申请");
        }
        draft.demand().requireValidWindow();
        Enterprise enterprise = enterprises.get(a.enterpriseId());
        ProgrammeRules rules = programmes.rules(a.programmeId(), a.rulesVersion());
        if (draft.quota()) {
            OneQuotaAYear.requireOffered(rules, programme.code());
        }
        Map<String, Object> before = a.snapshot();
        describe(a, draft, rules, enterprise);
        audit.record(actor, "APPLICATION_REVISED", "Application", a.id(), before, a.snapshot());
        return a;
    }

    private static void describe(Application a, Draft draft, ProgrammeRules rules, Enterprise enterprise) {
        long requested = draft.quota() ? OneQuotaAYear.quotaFen(rules, enterprise)
                : Subsidy.under(rules, enterprise.startup(), draft.demand().resourceClass()).of(draft.amountFen());
        a.describe(draft.quota() ? ApplicationKind.QUOTA : ApplicationKind.VOUCHER, draft.demand(), draft.purpose(),
                draft.amountFen(), draft.contract(), draft.otherMunicipalSubsidy(), requested);
    }
}
