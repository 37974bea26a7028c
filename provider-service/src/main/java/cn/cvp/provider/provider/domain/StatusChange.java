package cn.cvp.provider.provider.domain;

/** A provider's move from one status to another, and why. What a provider.status-changed event says. */
public record StatusChange(ProviderStatus previous, ProviderStatus current, String reason) {
}
