package cn.cvp.provider.offering.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The offering events provider-service publishes on {@code provider.events} (schemas and examples under
 * resources/events), beside the provider events. Key: the offering id.
 */
public final class OfferingEvents {
    public static final String TOPIC = "provider.events";
    public static final String PUBLISHED = "offering.published.v1";
    public static final String WITHDRAWN = "offering.withdrawn.v1";

    private OfferingEvents() {
    }

    public record OfferingPublishedV1(UUID offeringId, int version, UUID providerId, String resourceClass,
                                      String category, boolean domesticChip, String region, int units, String unit,
                                      long unitPriceFen, OffsetDateTime availableFrom, OffsetDateTime availableTo) {
    }

    public record OfferingWithdrawnV1(UUID offeringId, int version, UUID providerId) {
    }
}
