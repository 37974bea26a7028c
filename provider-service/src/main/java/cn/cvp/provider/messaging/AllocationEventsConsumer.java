package cn.cvp.provider.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.provider.application.AllocationEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the provider's view of allocations and usage decisions from {@code allocation.events}. A
 * message that cannot be read, or cannot be applied after retries, goes to {@code provider-service.dlq}
 * with the reason; the partition moves on.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    private final EventCodec codec;
    private final AllocationEventHandler handler;

    public AllocationEventsConsumer(EventCodec codec, AllocationEventHandler handler) {
        this.codec = codec;
        this.handler = handler;
    }

    @Incoming("allocation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = {MalformedEventException.class, ProblemException.class})
    public void consume(String payload) {
        handler.handle(codec.decode(payload));
    }
}
