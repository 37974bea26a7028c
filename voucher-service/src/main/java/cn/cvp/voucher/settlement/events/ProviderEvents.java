package cn.cvp.voucher.settlement.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** voucher-service's own tolerant view of the provider.events it reads (unknown fields ignored). */
public final class ProviderEvents {
    public static final String REGISTERED = "provider.registered.v1";
    public static final String STATUS_CHANGED = "provider.status-changed.v1";

    private ProviderEvents() {
    }

    /**
     * What provider.registered.v1 and provider.status-changed.v1 tell about a provider (the first carries no
     * {@code programmeMemberships}, the second no {@code name}: null when absent).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderRegistered(UUID providerId, String creditCode, String name, String status,
                                     List<String> programmeMemberships, List<String> relatedParties) {
    }
}
