package cn.cvp.provider.allocation.messaging;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.kit.inbox.Runs;
import cn.cvp.provider.allocation.application.AllocationViewService;
import cn.cvp.provider.allocation.application.IgnoreAllocationEvent;
import cn.cvp.provider.allocation.application.RecordAllocationCancelled;
import cn.cvp.provider.allocation.application.RecordAllocationCompleted;
import cn.cvp.provider.allocation.application.RecordAllocationCreated;
import cn.cvp.provider.allocation.application.RecordAllocationHeld;
import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.allocation.events.AllocationEvents;
import cn.cvp.provider.usage.application.RecordUsageDecisions;
import cn.cvp.provider.usage.application.UsageDecisionService;
import cn.cvp.provider.usage.events.UsageDecisionEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Reads {@code allocation.events}: the allocations made on the provider's capacity (into its view of them) and the
 * decisions on its usage reports (into the usage context), a poll at a time in one transaction (decisions on usage
 * arrive by the thousand; see the kit's BatchConsumer). Each event is decoded into a command for the one use case
 * that applies it. A message that cannot be read, or cannot be applied after retries, goes to
 * {@code provider-service.dlq} with the reason; the partition moves on.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "provider-service.dlq";

    private final EventCodec codec;
    private final AllocationViewService allocations;
    private final UsageDecisionService decisions;
    private final BatchConsumer batches;

    public AllocationEventsConsumer(EventCodec codec, AllocationViewService allocations,
                                    UsageDecisionService decisions, BatchConsumer batches) {
        this.codec = codec;
        this.allocations = allocations;
        this.decisions = decisions;
        this.batches = batches;
    }

    @Incoming("allocation-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, this::apply,
                t -> t instanceof MalformedEventException || t instanceof DomainException);
    }

    /** In order; each run of usage decisions is applied set-wise, every other event on its own. */
    public void apply(List<String> payloads) {
        Runs.apply(payloads.stream().map(codec::decode).toList(), e -> UsageDecisionEvents.isDecision(e.type()),
                this::usageDecided, this::allocationEvent);
    }

    private void allocationEvent(EventEnvelope event) {
        switch (event.type()) {
            case AllocationEvents.CREATED -> {
                AllocationEvents.AllocationCreatedV1 e = codec.data(event, AllocationEvents.AllocationCreatedV1.class);
                require(event, "allocationId", e.allocationId(), "providerId", e.providerId(), "voucherId",
                        e.voucherId(), "quantity", e.quantityOrCardHours(), "unitPriceFen", e.unitPriceFen());
                allocations.created(new RecordAllocationCreated(event.id(), e.allocationId(),
                        new ProviderAllocation.Terms(e.voucherId(), e.offeringId(), e.offeringVersion(),
                                e.providerId(), e.enterpriseCreditCode(), e.resourceClass(), e.region(), e.units(),
                                e.quantityOrCardHours(), e.unitPriceFen(), e.amountFen(), e.windowStart(), e.windowEnd(),
                                e.unitOrCardHour())));
            }
            case AllocationEvents.HELD -> {
                AllocationEvents.AllocationHeldV1 e = codec.data(event, AllocationEvents.AllocationHeldV1.class);
                require(event, "allocationId", e.allocationId(), "holdFen", e.holdFen());
                allocations.held(new RecordAllocationHeld(event.id(), e.allocationId(), e.voucherId(), e.providerId(),
                        e.holdFen()));
            }
            case AllocationEvents.CANCELLED -> {
                AllocationEvents.AllocationCancelledV1 e = codec.data(event,
                        AllocationEvents.AllocationCancelledV1.class);
                require(event, "allocationId", e.allocationId());
                allocations.cancelled(new RecordAllocationCancelled(event.id(), e.allocationId(), e.voucherId(),
                        e.providerId(), e.reason()));
            }
            case AllocationEvents.COMPLETED -> {
                AllocationEvents.AllocationCompletedV1 e = codec.data(event,
                        AllocationEvents.AllocationCompletedV1.class);
                require(event, "allocationId", e.allocationId(), "reason", e.reason());
                allocations.completed(new RecordAllocationCompleted(event.id(), e.allocationId(), e.voucherId(),
                        e.providerId()));
            }
            default -> allocations.ignored(new IgnoreAllocationEvent(event.id(), event.type()));
        }
    }

    private void usageDecided(List<EventEnvelope> events) {
        decisions.record(new RecordUsageDecisions(events.stream().map(this::decided).toList()));
    }

    private RecordUsageDecisions.Decided decided(EventEnvelope event) {
        if (UsageDecisionEvents.ACCEPTED.equals(event.type())) {
            UsageDecisionEvents.UsageAcceptedV1 e = codec.data(event, UsageDecisionEvents.UsageAcceptedV1.class);
            require(event, "usageReportId", e.usageReportId(), "units", e.units(), "amountFen", e.amountFen(),
                    "subsidyFen", e.subsidyFen());
            return RecordUsageDecisions.Decided.accepted(event.id(), event.type(), e.usageReportId(), e.units(),
                    e.amountFen(), e.subsidyFen(), e.flags());
        }
        UsageDecisionEvents.UsageRejectedV1 e = codec.data(event, UsageDecisionEvents.UsageRejectedV1.class);
        require(event, "usageReportId", e.usageReportId(), "reason", e.reason());
        return RecordUsageDecisions.Decided.rejected(event.id(), event.type(), e.usageReportId(), e.reason(),
                e.detail());
    }

    /** A field the contract requires is missing: the event cannot be processed and goes to the DLQ. */
    private static void require(EventEnvelope event, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " has no " + namesAndValues[i]);
            }
        }
    }
}
