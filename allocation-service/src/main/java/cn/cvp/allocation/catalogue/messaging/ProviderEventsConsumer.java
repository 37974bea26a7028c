package cn.cvp.allocation.catalogue.messaging;

import cn.cvp.allocation.catalogue.application.CatalogueService;
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

/**
 * provider.events → the catalogue read model. A message that cannot be read or applied goes to
 * allocation-service.dlq (the channel's failure strategy) with the reason; a transient failure (a lock
 * conflict, the database away for a moment) is retried first.
 */
@ApplicationScoped
public class ProviderEventsConsumer {

    static final String DEAD_LETTER_TOPIC = "allocation-service.dlq";

    private static final Logger LOG = Logger.getLogger(ProviderEventsConsumer.class);

    private final EventReader reader;
    private final CatalogueService catalogue;
    private final BatchConsumer batches;

    public ProviderEventsConsumer(EventReader reader, CatalogueService catalogue, BatchConsumer batches) {
        this.batches = batches;
        this.reader = reader;
        this.catalogue = catalogue;
    }

    @Incoming("provider-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        batches.eachInItsOwnTransaction(records, DEAD_LETTER_TOPIC, this::apply, 
                t -> t instanceof MalformedEventException || t instanceof UnprocessableEventException);
    }

    void apply(String payload) {
        EventEnvelope event = reader.envelope(payload);
        switch (event.type()) {
            case ProviderRegisteredV1.TYPE -> {
                ProviderRegisteredV1 d = reader.data(event, ProviderRegisteredV1.class);
                catalogue.providerRegistered(event.id(), d.providerId(), d.creditCode(), d.name(), d.region(),
                        Boolean.TRUE.equals(d.privatelyInvested()), d.relatedPartiesOrEmpty(), d.status());
            }
            case ProviderStatusChangedV1.TYPE -> {
                ProviderStatusChangedV1 d = reader.data(event, ProviderStatusChangedV1.class);
                catalogue.providerStatusChanged(event.id(), d.providerId(), d.creditCode(), d.status(),
                        d.programmeMemberships(), d.privatelyInvested(), d.relatedParties());
            }
            case OfferingPublishedV1.TYPE ->
                    catalogue.offeringPublished(event.id(), reader.data(event, OfferingPublishedV1.class).toTerms());
            case OfferingWithdrawnV1.TYPE -> {
                OfferingWithdrawnV1 d = reader.data(event, OfferingWithdrawnV1.class);
                catalogue.offeringWithdrawn(event.id(), d.offeringId(), d.version());
            }
            default -> LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
        }
    }
}
