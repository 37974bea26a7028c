package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.api.EnterpriseRequests;
import cn.cvp.voucher.domain.Enterprise;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Registration of enterprises (企业). An enterprise user registers only the organisation in its token. */
@ApplicationScoped
public class EnterpriseService {
    private final AuditLog audit;
    private final Clock clock;

    public EnterpriseService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enterprise register(Caller caller, EnterpriseRequests.Register request) {
        String org = caller.requireOrganisation();
        if (!org.equals(request.creditCode())) {
            throw new ProblemException(403, "ORGANISATION_MISMATCH",
                    "You can only register your own organisation (" + org + ")",
                    "只能登记本人所属组织（" + org + "）");
        }
        if (Enterprise.byCreditCode(request.creditCode()).isPresent()) {
            throw ProblemException.conflict("ENTERPRISE_ALREADY_REGISTERED",
                    "Enterprise " + request.creditCode() + " is already registered",
                    "企业 " + request.creditCode() + " 已登记");
        }
        Enterprise e = new Enterprise();
        e.id = UUID.randomUUID();
        e.creditCode = request.creditCode();
        e.name = request.name();
        e.region = request.region();
        e.industry = request.industry().name();
        e.size = request.size().name();
        e.startup = request.startup();
        e.team = request.team();
        e.ownership = request.ownership().name();
        e.dishonest = request.dishonest();
        e.relatedParties = request.relatedParties() == null ? List.of() : List.copyOf(request.relatedParties());
        e.registeredAt = OffsetDateTime.now(clock);
        e.persist();
        audit.record(caller.actor(), "ENTERPRISE_REGISTERED", "Enterprise", e.id, null, request);
        return e;
    }

    public Enterprise mine(Caller caller) {
        String org = caller.requireOrganisation();
        return Enterprise.byCreditCode(org).orElseThrow(() -> new ProblemException(404, "ENTERPRISE_NOT_REGISTERED",
                "Your organisation " + org + " has not registered as an enterprise yet",
                "您的组织 " + org + " 尚未登记为企业"));
    }
}
