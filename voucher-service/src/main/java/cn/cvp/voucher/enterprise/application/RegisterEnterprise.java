package cn.cvp.voucher.enterprise.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.persistence.EnterpriseRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Registration of enterprises (企业登记). An enterprise user registers only the organisation in its token. */
@ApplicationScoped
public class RegisterEnterprise {

    public record Command(Enterprise.Profile profile) {
    }

    private final EnterpriseRepository enterprises;
    private final AuditLog audit;
    private final Clock clock;

    public RegisterEnterprise(EnterpriseRepository enterprises, AuditLog audit, Clock clock) {
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enterprise register(Command command, Actor actor) {
        Enterprise.Profile profile = command.profile();
        String org = Organisations.require(actor);
        if (!org.equals(profile.creditCode())) {
            throw DomainException.forbidden("ORGANISATION_MISMATCH",
                    "You can only register your own organisation (" + org + ")",
                    "只能登记本人所属组织（" + org + "）");
        }
        if (enterprises.findByCreditCode(profile.creditCode()).isPresent()) {
            throw DomainException.conflict("ENTERPRISE_ALREADY_REGISTERED",
                    "Enterprise " + profile.creditCode() + " is already registered",
                    "企业 " + profile.creditCode() + " 已登记");
        }
        Enterprise e = Enterprise.register(UUID.randomUUID(), profile, OffsetDateTime.now(clock));
        enterprises.persist(e);
        audit.record(actor, "ENTERPRISE_REGISTERED", "Enterprise", e.id(), null, profile);
        return e;
    }
}
