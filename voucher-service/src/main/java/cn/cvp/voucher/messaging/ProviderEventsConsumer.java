package cn.cvp.voucher.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.voucher.application.SettlementService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** Keeps the provider directory (who may redeem which captures) from provider.events. */
@ApplicationScoped
public class ProviderEventsConsumer {
    static final String CONSUMER = "voucher-service:providers";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderRegistered(UUID providerId, String creditCode, String name) {
    }

    private final EventCodec codec;
    private final SettlementService settlement;

    public ProviderEventsConsumer(EventCodec codec, SettlementService settlement) {
        this.codec = codec;
        this.settlement = settlement;
    }

    @Incoming("provider-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        EventEnvelope event = codec.decode(payload);
        if ("provider.registered.v1".equals(event.type()) || "provider.status-changed.v1".equals(event.type())) {
            ProviderRegistered p = codec.data(event, ProviderRegistered.class);
            if (p.providerId() == null || p.creditCode() == null) {
                throw new MalformedEventException(event.type() + " without providerId or creditCode");
            }
            settlement.knowProvider(CONSUMER, event.id(), p.providerId(), p.creditCode(), p.name());
        }
    }
}
