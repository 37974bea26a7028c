package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Reinstate a suspended provider: SUSPENDED → ACTIVE. */
public record ReinstateProvider(UUID providerId, String reason) {
}
