package cn.cvp.allocation.usage.messaging;

import cn.cvp.allocation.support.EventReader;
import cn.cvp.allocation.support.EventTimes;
import cn.cvp.allocation.support.UnprocessableEventException;
import cn.cvp.allocation.usage.application.DecideUsage;
import cn.cvp.allocation.usage.application.UsageService;
import cn.cvp.allocation.usage.domain.UsageReport;
import cn.cvp.allocation.usage.events.UsageReportedV1;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.BatchConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * usage.events → usage decisions. Usage arrives in bulk (providers report up to 1,000 records a request), so
 * the channel is consumed in batches: one poll, one database transaction (see the kit's BatchConsumer); a
 * record that cannot be applied goes to {@code allocation-service.dlq} with the reason.
 */
@ApplicationScoped
public class UsageEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UsageEventsConsumer.class);
    static final String DEAD_LETTER_TOPIC = "allocation-service.dlq";

    private final EventReader reader;
    private final UsageService usage;
    private final BatchConsumer batches;

    public UsageEventsConsumer(EventReader reader, UsageService usage, BatchConsumer batches) {
        this.reader = reader;
        this.usage = usage;
        this.batches = batches;
    }

    @Incoming("usage-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.inOneTransaction(records, DEAD_LETTER_TOPIC, this::apply,
                t -> t instanceof MalformedEventException || t instanceof UnprocessableEventException);
    }

    /** The poll's usage reports, decided together (in their order). */
    void apply(List<String> payloads) {
        List<DecideUsage.Reported> reported = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            EventEnvelope event = reader.envelope(payload);
            if (!UsageReportedV1.TYPE.equals(event.type())) {
                LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
                continue;
            }
            reported.add(new DecideUsage.Reported(event.id(), reportOf(reader.data(event, UsageReportedV1.class))));
        }
        if (!reported.isEmpty()) {
            usage.usageReported(new DecideUsage(reported));
        }
    }

    /** The report in domain terms; a time that cannot be read makes the event malformed. */
    public static UsageReport reportOf(UsageReportedV1 e) {
        return new UsageReport(e.usageReportId(), e.version(), e.correctsUsageReportId(), e.providerId(),
                e.allocationId(), e.recordId(), EventTimes.start("periodStart", e.periodStart()),
                EventTimes.end("periodEnd", e.periodEnd()), e.units(), e.unitPriceFen(), e.amountFen(),
                e.deliveryCertificateRef());
    }
}
