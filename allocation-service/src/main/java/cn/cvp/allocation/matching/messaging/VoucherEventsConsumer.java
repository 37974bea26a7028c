package cn.cvp.allocation.matching.messaging;

import cn.cvp.allocation.matching.application.HoldService;
import cn.cvp.allocation.matching.application.MatchingService;
import cn.cvp.allocation.matching.application.VoucherStatusService;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.support.EventReader;
import cn.cvp.allocation.support.UnprocessableEventException;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import cn.cvp.kit.inbox.BatchConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Set;

/** voucher.events → matching (voucher.issued.v1) and the hold handshake. Other voucher events are ignored. */
@ApplicationScoped
public class VoucherEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "allocation-service.dlq";

    private static final Logger LOG = Logger.getLogger(VoucherEventsConsumer.class);
    private static final Set<String> HANDLED = Set.of(VoucherIssuedV1.TYPE, VoucherHoldPlacedV1.TYPE,
            VoucherHoldRejectedV1.TYPE, VoucherStatusChangedV1.FROZEN, VoucherStatusChangedV1.UNFROZEN,
            VoucherStatusChangedV1.REVOKED, VoucherStatusChangedV1.EXPIRED);

    private final EventReader reader;
    private final MatchingService matching;
    private final HoldService holds;
    private final VoucherStatusService statuses;
    private final BatchConsumer batches;

    public VoucherEventsConsumer(EventReader reader, MatchingService matching, HoldService holds,
                                 VoucherStatusService statuses, BatchConsumer batches) {
        this.batches = batches;
        this.reader = reader;
        this.matching = matching;
        this.holds = holds;
        this.statuses = statuses;
    }

    @Incoming("voucher-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.eachInItsOwnTransaction(records, DEAD_LETTER_TOPIC, this::handles, this::apply,
                t -> t instanceof MalformedEventException || t instanceof UnprocessableEventException);
    }

    /** Whether {@link #apply} does anything with this event; an unreadable one is "handled": it is dead-lettered. */
    boolean handles(String payload) {
        try {
            return HANDLED.contains(reader.envelope(payload).type());
        } catch (MalformedEventException e) {
            return true;
        }
    }

    void apply(String payload) {
        EventEnvelope event = reader.envelope(payload);
        switch (event.type()) {
            case VoucherIssuedV1.TYPE -> matching.voucherIssued(event.id(), reader.data(event, VoucherIssuedV1.class).toIssued());
            case VoucherHoldPlacedV1.TYPE -> {
                VoucherHoldPlacedV1 d = reader.data(event, VoucherHoldPlacedV1.class);
                holds.holdPlaced(event.id(), d.voucherId(), d.allocationId(), d.holdFen());
            }
            case VoucherHoldRejectedV1.TYPE -> {
                VoucherHoldRejectedV1 d = reader.data(event, VoucherHoldRejectedV1.class);
                holds.holdRejected(event.id(), d.voucherId(), d.allocationId(), d.reason());
            }
            case VoucherStatusChangedV1.FROZEN -> {
                VoucherStatusChangedV1 d = reader.data(event, VoucherStatusChangedV1.class);
                statuses.frozen(event.id(), d.voucherId(), d.reason());
            }
            case VoucherStatusChangedV1.UNFROZEN -> {
                VoucherStatusChangedV1 d = reader.data(event, VoucherStatusChangedV1.class);
                statuses.unfrozen(event.id(), d.voucherId(), d.reason());
            }
            case VoucherStatusChangedV1.REVOKED -> {
                VoucherStatusChangedV1 d = reader.data(event, VoucherStatusChangedV1.class);
                statuses.ended(event.id(), d.voucherId(), Voucher.REVOKED, d.reason());
            }
            case VoucherStatusChangedV1.EXPIRED -> {
                VoucherStatusChangedV1 d = reader.data(event, VoucherStatusChangedV1.class);
                statuses.ended(event.id(), d.voucherId(), Voucher.EXPIRED, d.reason());
            }
            default -> LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
        }
    }
}
