package cn.cvp.voucher.enterprise.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.domain.DishonestyRecord;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.persistence.EnterpriseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The programme office enters a dated dishonesty record (失信记录) it found in the credit registry (信用中国); from
 * then on the enterprise's applications are refused DISHONESTY_RECORD while the record lies within a programme's
 * look-back. Audited.
 */
@ApplicationScoped
public class RecordDishonesty {

    public record Command(String creditCode, String reference, LocalDate recordedOn, String authority) {
    }

    private final EnterpriseRepository enterprises;
    private final AuditLog audit;
    private final Clock clock;

    public RecordDishonesty(EnterpriseRepository enterprises, AuditLog audit, Clock clock) {
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enterprise record(Command command, Actor actor) {
        Enterprise e = enterprises.findByCreditCode(command.creditCode())
                .orElseThrow(() -> DomainException.notFound("Enterprise", command.creditCode()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        DishonestyRecord record = new DishonestyRecord(command.reference().strip(), command.recordedOn(),
                command.authority().strip(), actor.username(), now);
        e.recordDishonesty(record, LocalDate.now(clock));
        audit.record(actor, "DISHONESTY_RECORDED", "Enterprise", e.id(), null,
                Map.of("reference", record.reference(), "recordedOn", record.recordedOn().toString(),
                        "authority", record.authority()));
        return e;
    }
}
