package cn.cvp.voucher.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.voucher.application.LedgerService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reacts to allocation-service: places holds, releases them, captures accepted usage. A message that
 * cannot be processed after retries goes to {@code voucher-service.dlq} with the reason.
 */
@ApplicationScoped
public class AllocationEventsConsumer {

    private final EventCodec codec;
    private final LedgerService ledger;

    public AllocationEventsConsumer(EventCodec codec, LedgerService ledger) {
        this.codec = codec;
        this.ledger = ledger;
    }

    @Incoming("allocation-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        ledger.handle(codec.decode(payload));
    }
}
