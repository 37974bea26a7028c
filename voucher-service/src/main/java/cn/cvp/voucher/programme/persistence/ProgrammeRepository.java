package cn.cvp.voucher.programme.persistence;

import cn.cvp.voucher.programme.domain.Programme;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    public Optional<Programme> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean existsByCode(String code) {
        return count("code", code) > 0;
    }

    public Programme lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** These programmes, locked in id order (the order every use case that locks several takes them in). */
    public Map<UUID, Programme> lockAll(Collection<UUID> ids) {
        Map<UUID, Programme> locked = new HashMap<>();
        find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).<Programme>stream()
                .forEach(p -> locked.put(p.id(), p));
        return locked;
    }

    public List<Programme> allByCode() {
        return listAll(Sort.by("code"));
    }
}
