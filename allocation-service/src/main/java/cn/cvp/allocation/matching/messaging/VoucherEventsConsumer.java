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

import java.util.Map;
import java.util.function.Consumer;

/** voucher.events → matching (voucher.issued.v1) and the hold handshake. Other voucher events are ignored. */
@ApplicationScoped
public class VoucherEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "allocation-service.dlq";

    private static final Logger LOG = Logger.getLogger(VoucherEventsConsumer.class);

    private final EventReader reader;
    private final BatchConsumer batches;
    /** What is done with each event type this service handles; every other voucher event passes by. */
    private final Map<String, Consumer<EventEnvelope>> handlers;

    public VoucherEventsConsumer(EventReader reader, MatchingService matching, HoldService holds,
                                 VoucherStatusService statuses, BatchConsumer batches) {
        this.batches = batches;
        this.reader = reader;
        this.handlers = Map.of(
                VoucherIssuedV1.TYPE,
                e -> matching.voucherIssued(e.id(), reader.data(e, VoucherIssuedV1.class).toIssued()),
                VoucherHoldPlacedV1.TYPE, e -> {
                    VoucherHoldPlacedV1 d = reader.data(e, VoucherHoldPlacedV1.class);
                    holds.holdPlaced(e.id(), d.voucherId(), d.allocationId(), d.holdFen());
                },
                VoucherHoldRejectedV1.TYPE, e -> {
                    VoucherHoldRejectedV1 d = reader.data(e, VoucherHoldRejectedV1.class);
                    holds.holdRejected(e.id(), d.voucherId(), d.allocationId(), d.reason());
                },
                VoucherStatusChangedV1.FROZEN, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.frozen(e.id(), d.voucherId(), d.reason());
                },
                VoucherStatusChangedV1.UNFROZEN, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.unfrozen(e.id(), d.voucherId(), d.reason());
                },
                VoucherStatusChangedV1.REVOKED, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.ended(e.id(), d.voucherId(), Voucher.REVOKED, d.reason());
                },
                VoucherStatusChangedV1.EXPIRED, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.ended(e.id(), d.voucherId(), Voucher.EXPIRED, d.reason());
                });
    }

    @Incoming("voucher-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.eachInItsOwnTransaction(records, DEAD_LETTER_TOPIC, this::handles, this::apply,
                t -> t instanceof MalformedEventException || t instanceof UnprocessableEventException);
    }

    /** Whether this service handles the event; an unreadable one is "handled": {@link #apply} dead-letters it. */
    boolean handles(String payload) {
        try {
            return handlers.containsKey(reader.envelope(payload).type());
        } catch (MalformedEventException e) {
            return true;
        }
    }

    void apply(String payload) {
        EventEnvelope event = reader.envelope(payload);
        Consumer<EventEnvelope> handler = handlers.get(event.type());
        if (handler == null) {
            LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
            return;
        }
        handler.accept(event);
    }
}
