package cn.cvp.provider.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The events provider-service publishes on {@code provider.events} (schemas and examples under
 * resources/events). Key: the provider id, or the offering id for offering events.
 */
public final class ProviderEvents {
    public static final String TOPIC = "provider.events";
    public static final String REGISTERED = "provider.registered.v1";
    public static final String STATUS_CHANGED = "provider.status-changed.v1";
    public static final String OFFERING_PUBLISHED = "offering.published.v1";
    public static final String OFFERING_WITHDRAWN = "offering.withdrawn.v1";

    private ProviderEvents() {
    }

    public record ProviderRegisteredV1(UUID providerId, String creditCode, String name, String region,
                                       boolean privatelyInvested, List<String> relatedParties, String status) {
    }

    public record ProviderStatusChangedV1(UUID providerId, String creditCode, String status, String previousStatus,
                                          List<String> programmeMemberships, boolean privatelyInvested,
                                          List<String> relatedParties, String reason) {
    }

    public record OfferingPublishedV1(UUID offeringId, int version, UUID providerId, String resourceClass,
                                      String category, boolean domesticChip, String region, int units, String unit,
                                      long unitPriceFen, OffsetDateTime availableFrom, OffsetDateTime availableTo) {
    }

    public record OfferingWithdrawnV1(UUID offeringId, int version, UUID providerId) {
    }
}
