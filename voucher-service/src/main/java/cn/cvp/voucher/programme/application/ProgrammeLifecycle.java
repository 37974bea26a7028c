package cn.cvp.voucher.programme.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;

/** Administrators open a programme for applications, close it (undecided applications lapse) and archive it. */
@ApplicationScoped
public class ProgrammeLifecycle {

    /** The programme to open, close or archive. */
    public record Command(String programmeCode) {
    }

    private final Programmes programmes;
    private final UndecidedApplications undecided;
    private final AuditLog audit;

    public ProgrammeLifecycle(Programmes programmes, UndecidedApplications undecided, AuditLog audit) {
        this.programmes = programmes;
        this.undecided = undecided;
        this.audit = audit;
    }

    /** From DRAFT or CLOSED. */
    @Transactional
    public Programme open(Command command, Actor actor) {
        Programme p = programmes.lockByCode(command.programmeCode());
        Programme.Status before = p.status();
        p.open();
        audit.record(actor, "PROGRAMME_OPENED", "Programme", p.id(), Map.of("status", before), Map.of("status", p.status()));
        return p;
    }

    /** Closing lapses every undecided application and releases what it reserved. */
    @Transactional
    public Programme close(Command command, Actor actor) {
        Programme p = programmes.lockByCode(command.programmeCode());
        Programme.Status before = p.status();
        p.close();
        int lapsed = undecided.lapseAll(p, "programme closed", actor);
        audit.record(actor, "PROGRAMME_CLOSED", "Programme", p.id(), Map.of("status", before),
                Map.of("status", p.status(), "lapsedApplications", lapsed));
        return p;
    }

    @Transactional
    public Programme archive(Command command, Actor actor) {
        Programme p = programmes.lockByCode(command.programmeCode());
        Programme.Status before = p.status();
        p.archive();
        audit.record(actor, "PROGRAMME_ARCHIVED", "Programme", p.id(), Map.of("status", before), Map.of("status", p.status()));
        return p;
    }
}
