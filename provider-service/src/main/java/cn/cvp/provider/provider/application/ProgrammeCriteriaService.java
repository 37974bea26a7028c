package cn.cvp.provider.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.ProgrammeCriteria;
import cn.cvp.provider.provider.domain.ProgrammeStanding;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.persistence.ProgrammeCriteriaRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Each programme's accreditation criteria (public-notice length, years operating, private investment), set by
 * administrators; a programme that set none gets the platform's defaults. Listing a provider for programmes —
 * verification, the administrator's shortcut, granting a programme later — checks the criteria of each.
 */
@ApplicationScoped
public class ProgrammeCriteriaService {
    private final ProgrammeCriteriaRepository criteria;
    private final AccreditationConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public ProgrammeCriteriaService(ProgrammeCriteriaRepository criteria, AccreditationConfig config, AuditLog audit,
                                    Clock clock) {
        this.criteria = criteria;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public record SetCriteria(String programmeCode, int publicNoticeDays, int minYearsOperating,
                              boolean privatelyInvestedRequired) {
    }

    public List<ProgrammeCriteria> all() {
        return criteria.listAll(Sort.by("programmeCode"));
    }

    /** The programme's criteria, or the defaults when it has set none. */
    public ProgrammeCriteria of(String programmeCode) {
        return criteria.findByIdOptional(programmeCode)
                .orElseGet(() -> ProgrammeCriteria.defaults(programmeCode, config.publicNoticeDays()));
    }

    @Transactional
    public ProgrammeCriteria set(Actor actor, SetCriteria command) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProgrammeCriteria existing = criteria.findById(command.programmeCode(), LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = existing == null ? null : view(existing);
        ProgrammeCriteria c = existing;
        if (c == null) {
            c = ProgrammeCriteria.of(command.programmeCode(), command.publicNoticeDays(), command.minYearsOperating(),
                    command.privatelyInvestedRequired(), actor.username(), now);
            criteria.persist(c);
        } else {
            c.change(command.publicNoticeDays(), command.minYearsOperating(), command.privatelyInvestedRequired(),
                    actor.username(), now);
        }
        audit.record(actor, "PROGRAMME_CRITERIA_SET", "ProgrammeCriteria", command.programmeCode(), before, view(c));
        return c;
    }

    /**
     * The provider meets the criteria of each programme (else 422 ACCREDITATION_CRITERIA_NOT_MET); returns the
     * notice length that applies to them: the longest.
     */
    int requireMetFor(Provider p, List<String> programmes) {
        List<ProgrammeCriteria> each = ProgrammeStanding.normalised(programmes).stream().map(this::of).toList();
        ProgrammeCriteria.requireMetByAll(each, p.yearsOperating(), p.privatelyInvested());
        return each.isEmpty() ? config.publicNoticeDays() : ProgrammeCriteria.noticeDays(each);
    }

    private static Map<String, Object> view(ProgrammeCriteria c) {
        return Map.of("publicNoticeDays", c.publicNoticeDays(), "minYearsOperating", c.minYearsOperating(),
                "privatelyInvestedRequired", c.privatelyInvestedRequired());
    }
}
