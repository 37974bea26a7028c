package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.SettlementBatch;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SettlementBatchRepository implements PanacheRepositoryBase<SettlementBatch, UUID> {

    public SettlementBatch lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<SettlementBatch> allNewestFirst() {
        return listAll(Sort.descending("createdAt"));
    }

    public List<SettlementBatch> ofSubmitterNewestFirst(String creditCode) {
        return list("submitterCreditCode", Sort.descending("createdAt"), creditCode);
    }

    /** Whether any batch (of any status, opened by hand or by the job) exists for this programme, period and submitter. */
    public boolean anyFor(UUID programmeId, LocalDate periodStart, String submitterCreditCode) {
        return count("programmeId = ?1 and periodStart = ?2 and submitterCreditCode = ?3", programmeId, periodStart,
                submitterCreditCode) > 0;
    }
}
