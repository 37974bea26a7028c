package cn.cvp.voucher.ledger.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import cn.cvp.kit.inbox.Runs;
import cn.cvp.voucher.ledger.application.CaptureUsage;
import cn.cvp.voucher.ledger.application.PlaceHold;
import cn.cvp.voucher.ledger.application.ReleaseHold;
import cn.cvp.voucher.ledger.events.AllocationEvents;
import cn.cvp.voucher.support.Service;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Reacts to allocation-service: places holds (allocation.created.v1), releases them (allocation.cancelled.v1,
 * allocation.completed.v1), captures accepted usage (usage.accepted.v1) — a poll at a time in one transaction (usage
 * decisions arrive by the thousand; see the kit's BatchConsumer). Every other type is ignored. A message that cannot
 * be processed after retries goes to {@code voucher-service.dlq} with the reason.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    static final String DEAD_LETTER_TOPIC = Service.DEAD_LETTER_TOPIC;
    private static final Logger LOG = Logger.getLogger(AllocationEventsConsumer.class);

    private final EventCodec codec;
    private final PlaceHold placeHold;
    private final ReleaseHold releaseHold;
    private final CaptureUsage captureUsage;
    private final BatchConsumer batches;

    public AllocationEventsConsumer(EventCodec codec, PlaceHold placeHold, ReleaseHold releaseHold,
                                    CaptureUsage captureUsage, BatchConsumer batches) {
        this.codec = codec;
        this.placeHold = placeHold;
        this.releaseHold = releaseHold;
        this.captureUsage = captureUsage;
        this.batches = batches;
    }

    @Incoming("allocation-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, this::apply, t -> t instanceof MalformedEventException);
    }

    /** In order; each run of usage.accepted.v1 is captured set-wise, every other event on its own. */
    void apply(List<String> payloads) {
        Runs.apply(payloads.stream().map(codec::decode).toList(),
                e -> AllocationEvents.USAGE_ACCEPTED.equals(e.type()),
                run -> captureUsage.captureAll(run.stream().map(this::accepted).toList()),
                this::single);
    }

    private void single(EventEnvelope event) {
        switch (event.type()) {
            case AllocationEvents.CREATED -> {
                AllocationEvents.AllocationCreated d = codec.data(event, AllocationEvents.AllocationCreated.class);
                placeHold.place(new PlaceHold.Command(event.id(), d.allocationId(), d.voucherId(), d.orderId(),
                        d.providerId(), d.amountFen()));
            }
            case AllocationEvents.CANCELLED, AllocationEvents.COMPLETED -> {
                AllocationEvents.AllocationEnded d = codec.data(event, AllocationEvents.AllocationEnded.class);
                releaseHold.release(new ReleaseHold.Command(event.id(), d.allocationId(), d.reason()));
            }
            // nothing to do, so nothing to remember: ignoring it again changes nothing either (usage.rejected.v1 and
            // the like arrive by the thousand)
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private CaptureUsage.Command accepted(EventEnvelope event) {
        AllocationEvents.UsageAccepted d = codec.data(event, AllocationEvents.UsageAccepted.class);
        return new CaptureUsage.Command(event.id(), d.usageReportId(), d.allocationId(), d.voucherId(), d.providerId(),
                d.amountFen(), d.subsidyFen());
    }
}
