package cn.cvp.allocation.catalogue.application;

import java.util.List;
import java.util.UUID;

/**
 * provider.status-changed.v1 to record. Null fields (credit code, memberships, private investment, related parties)
 * leave what was known unchanged.
 */
public record RecordProviderStatusChange(String eventId, UUID providerId, String creditCode, String status,
                                         List<String> programmeMemberships, Boolean privatelyInvested,
                                         List<String> relatedParties) {
}
