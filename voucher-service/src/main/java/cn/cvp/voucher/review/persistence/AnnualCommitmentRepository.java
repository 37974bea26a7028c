package cn.cvp.voucher.review.persistence;

import cn.cvp.voucher.review.domain.AnnualCommitment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class AnnualCommitmentRepository implements PanacheRepositoryBase<AnnualCommitment, AnnualCommitment.Key> {

    /** The enterprise's counter under the programme for the year, created at zero if it has none yet, locked. */
    public AnnualCommitment lock(UUID enterpriseId, UUID programmeId, int year) {
        getEntityManager().createNativeQuery("""
                        insert into enterprise_annual_commitment (enterprise_id, programme_id, year, committed_fen)
                        values (:e, :p, :y, 0) on conflict do nothing""")
                .setParameter("e", enterpriseId).setParameter("p", programmeId).setParameter("y", year)
                .executeUpdate();
        return findById(new AnnualCommitment.Key(enterpriseId, programmeId, year), LockModeType.PESSIMISTIC_WRITE);
    }
}
