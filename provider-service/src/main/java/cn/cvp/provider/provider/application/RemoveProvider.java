package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Remove a provider from the list (final): ACTIVE | SUSPENDED → REMOVED. */
public record RemoveProvider(UUID providerId, String reason) {
}
