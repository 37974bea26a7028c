package cn.cvp.allocation.catalogue.messaging;

import cn.cvp.allocation.catalogue.application.OfferingService;
import cn.cvp.allocation.catalogue.application.ProviderStandingService;
import cn.cvp.allocation.catalogue.application.RecordOfferingPublished;
import cn.cvp.allocation.catalogue.application.RecordOfferingWithdrawn;
import cn.cvp.allocation.catalogue.application.RecordProviderRegistration;
import cn.cvp.allocation.catalogue.application.RecordProviderStatusChange;
import cn.cvp.allocation.catalogue.domain.OfferingTerms;
import cn.cvp.allocation.catalogue.events.OfferingPublishedV1;
import cn.cvp.allocation.catalogue.events.OfferingWithdrawnV1;
import cn.cvp.allocation.catalogue.events.ProviderRegisteredV1;
import cn.cvp.allocation.catalogue.events.ProviderStatusChangedV1;
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
    private final ProviderStandingService providers;
    private final OfferingService offerings;
    private final BatchConsumer batches;

    public ProviderEventsConsumer(EventReader reader, ProviderStandingService providers, OfferingService offerings,
                                  BatchConsumer batches) {
        this.reader = reader;
        this.providers = providers;
        this.offerings = offerings;
        this.batches = batches;
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
                providers.providerRegistered(new RecordProviderRegistration(event.id(), d.providerId(), d.creditCode(),
                        d.name(), d.region(), Boolean.TRUE.equals(d.privatelyInvested()), d.relatedPartiesOrEmpty(),
                        d.status()));
            }
            case ProviderStatusChangedV1.TYPE -> {
                ProviderStatusChangedV1 d = reader.data(event, ProviderStatusChangedV1.class);
                providers.providerStatusChanged(new RecordProviderStatusChange(event.id(), d.providerId(),
                        d.creditCode(), d.status(), d.programmeMemberships(), d.privatelyInvested(), d.relatedParties()));
            }
            case OfferingPublishedV1.TYPE -> offerings.offeringPublished(new RecordOfferingPublished(event.id(),
                    termsOf(reader.data(event, OfferingPublishedV1.class))));
            case OfferingWithdrawnV1.TYPE -> {
                OfferingWithdrawnV1 d = reader.data(event, OfferingWithdrawnV1.class);
                offerings.offeringWithdrawn(new RecordOfferingWithdrawn(event.id(), d.offeringId(), d.version()));
            }
            default -> LOG.debugf("ignoring %s %s: not for allocation-service", event.type(), event.id());
        }
    }

    /** The offering's terms in domain terms; an unreadable or empty availability makes the event malformed. */
    public static OfferingTerms termsOf(OfferingPublishedV1 e) {
        OfferingTerms terms = new OfferingTerms(e.offeringId(), e.version(), e.providerId(), e.resourceClass(),
                e.category(), Boolean.TRUE.equals(e.domesticChip()), e.region(), e.units(), e.unit(), e.unitPriceFen(),
                EventTimes.start("availableFrom", e.availableFrom()), EventTimes.end("availableTo", e.availableTo()));
        if (!terms.availableTo().isAfter(terms.availableFrom())) {
            throw new MalformedEventException("offering " + e.offeringId() + " is available for no time: "
                    + e.availableFrom() + " … " + e.availableTo());
        }
        return terms;
    }
}
