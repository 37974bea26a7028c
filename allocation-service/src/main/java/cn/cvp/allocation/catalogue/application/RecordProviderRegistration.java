package cn.cvp.allocation.catalogue.application;

import java.util.List;
import java.util.UUID;

/** provider.registered.v1 to record: who the provider is, whether privately invested (民间投资), its related parties. */
public record RecordProviderRegistration(String eventId, UUID providerId, String creditCode, String name, String region,
                                         boolean privatelyInvested, List<String> relatedParties, String status) {
}
