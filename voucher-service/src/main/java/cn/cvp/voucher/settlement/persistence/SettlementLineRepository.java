package cn.cvp.voucher.settlement.persistence;

import cn.cvp.voucher.settlement.domain.SettlementLine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SettlementLineRepository implements PanacheRepositoryBase<SettlementLine, SettlementLine.Key> {

    /** The batch's lines in ledger order. */
    public List<SettlementLine> ofBatch(UUID batchId) {
        return list("key.batchId = ?1 order by key.ledgerEntryId", batchId);
    }

    /** Withdraws the lines of a cancelled batch: its captures are redeemable again. */
    public int withdrawAll(UUID batchId) {
        return update("active = false where key.batchId = ?1 and active = true", batchId);
    }
}
