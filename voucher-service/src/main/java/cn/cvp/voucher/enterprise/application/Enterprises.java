package cn.cvp.voucher.enterprise.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.persistence.EnterpriseRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Registered enterprises, as the API and the other contexts (review) read them. */
@ApplicationScoped
public class Enterprises {
    private final EnterpriseRepository enterprises;

    public Enterprises(EnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    /** The actor's own enterprise; 404 ENTERPRISE_NOT_REGISTERED when it has not registered yet. */
    public Enterprise mine(Actor actor) {
        String org = Organisations.require(actor);
        return enterprises.findByCreditCode(org).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "ENTERPRISE_NOT_REGISTERED", "Your organisation " + org + " has not registered as an enterprise yet",
                "您的组织 " + org + " 尚未登记为企业"));
    }

    public Optional<Enterprise> byCreditCode(String creditCode) {
        return enterprises.findByCreditCode(creditCode);
    }

    public Enterprise get(UUID id) {
        return enterprises.findById(id);
    }
}
