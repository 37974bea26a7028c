package cn.cvp.allocation.matching.messaging;

import cn.cvp.allocation.catalogue.domain.BillingUnit;
import cn.cvp.allocation.matching.application.EndVoucher;
import cn.cvp.allocation.matching.application.FreezeVoucher;
import cn.cvp.allocation.matching.application.HoldService;
import cn.cvp.allocation.matching.application.IssuedVoucherService;
import cn.cvp.allocation.matching.application.CancelOrderAllocations;
import cn.cvp.allocation.matching.application.MatchIssuedVoucher;
import cn.cvp.allocation.matching.application.MatchOrder;
import cn.cvp.allocation.matching.application.OrderService;
import cn.cvp.allocation.matching.application.RecordHoldPlaced;
import cn.cvp.allocation.matching.application.RecordHoldRejected;
import cn.cvp.allocation.matching.application.UnfreezeVoucher;
import cn.cvp.allocation.matching.application.VoucherStatusService;
import cn.cvp.allocation.matching.domain.ProviderRequirement;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.OrderCancelledV1;
import cn.cvp.allocation.matching.events.OrderPlacedV1;
import cn.cvp.allocation.matching.events.VoucherHoldPlacedV1;
import cn.cvp.allocation.matching.events.VoucherHoldRejectedV1;
import cn.cvp.allocation.matching.events.VoucherIssuedV1;
import cn.cvp.allocation.matching.events.VoucherStatusChangedV1;
import cn.cvp.allocation.support.EventReader;
import cn.cvp.allocation.support.EventTimes;
import cn.cvp.allocation.support.UnprocessableEventException;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * voucher.events → matching (voucher.issued.v1, order.placed.v1, order.cancelled.v1) and the hold handshake. Other
 * voucher events are ignored.
 */
@ApplicationScoped
public class VoucherEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "allocation-service.dlq";

    private static final Logger LOG = Logger.getLogger(VoucherEventsConsumer.class);

    private final EventReader reader;
    private final BatchConsumer batches;
    /** What is done with each event type this service handles; every other voucher event passes by. */
    private final Map<String, Consumer<EventEnvelope>> handlers;

    public VoucherEventsConsumer(EventReader reader, IssuedVoucherService issued, OrderService orders,
                                 HoldService holds, VoucherStatusService statuses, BatchConsumer batches) {
        this.batches = batches;
        this.reader = reader;
        this.handlers = Map.of(
                VoucherIssuedV1.TYPE, e -> {
                    VoucherIssuedV1 d = reader.data(e, VoucherIssuedV1.class);
                    issued.voucherIssued(new MatchIssuedVoucher(e.id(), issuedOf(d), Boolean.TRUE.equals(d.quota())));
                },
                OrderPlacedV1.TYPE, e -> orders.placed(new MatchOrder(e.id(), placedOf(reader.data(e, OrderPlacedV1.class)))),
                OrderCancelledV1.TYPE, e -> {
                    OrderCancelledV1 d = reader.data(e, OrderCancelledV1.class);
                    orders.cancelled(new CancelOrderAllocations(e.id(), d.orderId(), d.voucherId()));
                },
                VoucherHoldPlacedV1.TYPE, e -> {
                    VoucherHoldPlacedV1 d = reader.data(e, VoucherHoldPlacedV1.class);
                    holds.holdPlaced(new RecordHoldPlaced(e.id(), d.voucherId(), d.allocationId(), d.holdFen()));
                },
                VoucherHoldRejectedV1.TYPE, e -> {
                    VoucherHoldRejectedV1 d = reader.data(e, VoucherHoldRejectedV1.class);
                    holds.holdRejected(new RecordHoldRejected(e.id(), d.voucherId(), d.allocationId(), d.reason()));
                },
                VoucherStatusChangedV1.FROZEN, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.frozen(new FreezeVoucher(e.id(), d.voucherId(), d.reason()));
                },
                VoucherStatusChangedV1.UNFROZEN, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.unfrozen(new UnfreezeVoucher(e.id(), d.voucherId(), d.reason()));
                },
                VoucherStatusChangedV1.REVOKED, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.ended(new EndVoucher(e.id(), d.voucherId(), Voucher.REVOKED, d.reason()));
                },
                VoucherStatusChangedV1.EXPIRED, e -> {
                    VoucherStatusChangedV1 d = reader.data(e, VoucherStatusChangedV1.class);
                    statuses.ended(new EndVoucher(e.id(), d.voucherId(), Voucher.EXPIRED, d.reason()));
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

    /** The voucher in domain terms; times and requirements that cannot be read make the event malformed. */
    public static Voucher.Issued issuedOf(VoucherIssuedV1 e) {
        VoucherIssuedV1.Demand demand = e.demand();
        OffsetDateTime windowStart = EventTimes.start("demand.windowStart", demand.windowStart());
        OffsetDateTime windowEnd = EventTimes.end("demand.windowEnd", demand.windowEnd());
        if (!windowEnd.isAfter(windowStart)) {
            throw new MalformedEventException("voucher " + e.voucherId()
                    + " has a demand window that ends before it starts");
        }
        return new Voucher.Issued(e.voucherId(), e.applicationId(), e.programmeId(), e.programmeCode(),
                e.enterpriseCreditCode(), orEmpty(e.enterpriseRelatedParties()), e.faceValueFen(), e.subsidyRatio(),
                e.domesticChipSubsidyRatio(), requirements(e.providerRequirements()),
                EventTimes.start("approvedAt", e.approvedAt()),
                e.validUntil() == null ? null : EventTimes.end("validUntil", e.validUntil()),
                demand.resourceClass(), quantityOf(e.voucherId(), demand), orEmpty(demand.regions()), windowStart,
                windowEnd, e.contractProviderCreditCode(), unitOf(demand));
    }

    /** The order in domain terms; times that cannot be read make the event malformed. */
    public static QuotaOrder.Placed placedOf(OrderPlacedV1 e) {
        OrderPlacedV1.Demand demand = e.demand();
        OffsetDateTime windowStart = EventTimes.start("demand.windowStart", demand.windowStart());
        OffsetDateTime windowEnd = EventTimes.end("demand.windowEnd", demand.windowEnd());
        if (!windowEnd.isAfter(windowStart)) {
            throw new MalformedEventException("order " + e.orderId() + " has a window that ends before it starts");
        }
        Long quantity = demand.quantity() != null ? demand.quantity() : demand.cardHours();
        if (quantity == null) {
            throw new MalformedEventException("order " + e.orderId() + " has a demand with neither quantity nor cardHours");
        }
        return new QuotaOrder.Placed(e.orderId(), e.voucherId(), demand.resourceClass(), quantity,
                orEmpty(demand.regions()), windowStart, windowEnd, demand.providerCreditCode(), e.amountFen(),
                e.subsidyRatio(), e.holdFen(), EventTimes.start("placedAt", e.placedAt()), knownUnit(demand.unit()));
    }

    /** The demand's unit: CARD_HOUR when absent (events from before units); one this service does not know is malformed. */
    private static String unitOf(VoucherIssuedV1.Demand demand) {
        return knownUnit(demand.unit());
    }

    private static String knownUnit(String unit) {
        if (unit == null) {
            return BillingUnit.CARD_HOUR.name();
        }
        return BillingUnit.of(unit).map(Enum::name).orElseThrow(() -> new MalformedEventException(
                "unknown demand unit '" + unit + "' (known: " + List.of(BillingUnit.values()) + ")"));
    }

    /** The demand's quantity; {@code cardHours} on events from before units. */
    private static long quantityOf(java.util.UUID voucherId, VoucherIssuedV1.Demand demand) {
        Long quantity = demand.quantity() != null ? demand.quantity() : demand.cardHours();
        if (quantity == null) {
            throw new MalformedEventException("voucher " + voucherId + " has a demand with neither quantity nor cardHours");
        }
        return quantity;
    }

    /** An unknown requirement cannot be checked, so the voucher cannot be matched safely: dead-letter it. */
    private static Set<ProviderRequirement> requirements(List<String> codes) {
        Set<ProviderRequirement> result = EnumSet.noneOf(ProviderRequirement.class);
        for (String code : orEmpty(codes)) {
            try {
                result.add(ProviderRequirement.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("unknown provider requirement '" + code + "' (known: "
                        + List.of(ProviderRequirement.values()) + ")");
            }
        }
        return result;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
