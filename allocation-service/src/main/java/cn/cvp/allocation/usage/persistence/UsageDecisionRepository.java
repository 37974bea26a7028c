package cn.cvp.allocation.usage.persistence;

import cn.cvp.allocation.usage.domain.UsageDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class UsageDecisionRepository implements PanacheRepositoryBase<UsageDecision, UUID> {
}
