package cn.cvp.provider.provider.persistence;

import cn.cvp.provider.provider.domain.ProgrammeCriteria;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgrammeCriteriaRepository implements PanacheRepositoryBase<ProgrammeCriteria, String> {
}
