package cn.cvp.allocation.usage.messaging;

import cn.cvp.allocation.support.EventReader;
import cn.cvp.allocation.support.UnprocessableEventException;
import cn.cvp.allocation.usage.application.UsageService;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;

/** usage.events → usage decisions. */
@ApplicationScoped
public class UsageEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UsageEventsConsumer.class);

    private final EventReader reader;
    private final UsageService usage;

    public UsageEventsConsumer(EventReader reader, UsageService usage) {
        this.reader = reader;
        this.usage = usage;
    }

    @Incoming("usage-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            abortOn = {MalformedEventException.class, UnprocessableEventException.class})
    public void onMessage(String payload) {
        EventEnvelope event = reader.envelope(payload);
        if (!UsageReportedV1.TYPE.equals(event.type())) {
            LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
            return;
        }
        usage.usageReported(event.id(), reader.data(event, UsageReportedV1.class).toReport());
    }
}
