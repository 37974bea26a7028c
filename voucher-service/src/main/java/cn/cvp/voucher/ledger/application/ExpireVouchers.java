package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherStatus;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Expires every voucher whose validity has passed, every {@code cvp.voucher.expiry-interval} ({@link LedgerSettings}):
 * holds released, unused money back to the programme budget. The clock is injectable, so tests move time and run
 * {@link #expire} themselves.
 */
@ApplicationScoped
public class ExpireVouchers {
    private static final Logger LOG = Logger.getLogger(ExpireVouchers.class);
    private static final Actor EXPIRY_JOB = Actor.system("voucher-service:expiry");

    private final VoucherRepository vouchers;
    private final VoucherStatusChanges changes;
    private final LedgerSettings settings;
    private final Clock clock;

    public ExpireVouchers(VoucherRepository vouchers, VoucherStatusChanges changes, LedgerSettings settings, Clock clock) {
        this.vouchers = vouchers;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    void started(@Observes StartupEvent started) {
        LOG.infof("vouchers past their validity are expired every %s", settings.expiryInterval());
    }

    @Scheduled(every = "${cvp.voucher.expiry-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void expireDue() {
        for (UUID id : dueForExpiry()) {
            expire(id);
        }
    }

    public List<UUID> dueForExpiry() {
        return vouchers.dueForExpiry(OffsetDateTime.now(clock));
    }

    /** Expires the voucher if it is due; running it again changes nothing. */
    @Transactional
    public void expire(UUID id) {
        Voucher v = changes.locked(id);
        if (!v.isDueForExpiry(OffsetDateTime.now(clock))) {
            return;
        }
        changes.end(EXPIRY_JOB, v, VoucherStatus.EXPIRED, "validity ended " + v.validUntil());
    }
}
