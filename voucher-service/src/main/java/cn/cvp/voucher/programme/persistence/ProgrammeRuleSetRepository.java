package cn.cvp.voucher.programme.persistence;

import cn.cvp.voucher.programme.domain.ProgrammeRuleSet;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProgrammeRuleSetRepository implements PanacheRepositoryBase<ProgrammeRuleSet, ProgrammeRuleSet.Key> {

    public Optional<ProgrammeRuleSet> version(UUID programmeId, int version) {
        return findByIdOptional(new ProgrammeRuleSet.Key(programmeId, version));
    }
}
