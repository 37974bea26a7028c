package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * A newly issued voucher (算力券 / 科技创新券): recorded, and its whole demand matched at once. A quota (额度) is
 * recorded only: the orders placed on it are matched ({@link OrderService}).
 */
@ApplicationScoped
public class IssuedVoucherService {

    private static final Logger LOG = Logger.getLogger(IssuedVoucherService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final PoolMatching matching;
    private final AuditLog audit;
    private final Clock clock;

    public IssuedVoucherService(ProcessedEvents processed, VoucherRepository vouchers, PoolMatching matching,
                                AuditLog audit, Clock clock) {
        this.processed = processed;
        this.vouchers = vouchers;
        this.matching = matching;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void voucherIssued(MatchIssuedVoucher c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        Voucher.Issued issued = c.voucher();
        if (vouchers.findById(issued.voucherId()) != null) {
            LOG.infof("voucher %s is already known (issued again under event %s); nothing to do", issued.voucherId(),
                    c.eventId());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Voucher voucher = Voucher.issued(issued, now);
        if (c.quota()) {
            voucher.markQuota(); // its orders are matched, not its own demand
            vouchers.persist(voucher);
            audit.record(SYSTEM, "QUOTA_RECORDED", "Voucher", voucher.voucherId(), null, voucher.snapshot());
            return;
        }
        matching.lockPool(issued.resourceClass());
        vouchers.persist(voucher);
        audit.record(SYSTEM, "VOUCHER_RECORDED", "Voucher", voucher.voucherId(), null, voucher.snapshot());
        matching.matchNew(voucher, now);
    }
}
