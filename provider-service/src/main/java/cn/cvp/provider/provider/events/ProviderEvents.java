package cn.cvp.provider.provider.events;

import java.util.List;
import java.util.UUID;

/**
 * The provider events provider-service publishes on {@code provider.events} (schemas and examples under
 * resources/events). Key: the provider id.
 */
public final class ProviderEvents {
    public static final String TOPIC = "provider.events";
    public static final String REGISTERED = "provider.registered.v1";
    public static final String STATUS_CHANGED = "provider.status-changed.v1";

    private ProviderEvents() {
    }

    public record ProviderRegisteredV1(UUID providerId, String creditCode, String name, String region,
                                       boolean privatelyInvested, List<String> relatedParties, String status) {
    }

    public record ProviderStatusChangedV1(UUID providerId, String creditCode, String status, String previousStatus,
                                          List<String> programmeMemberships, boolean privatelyInvested,
                                          List<String> relatedParties, String reason) {
    }
}
