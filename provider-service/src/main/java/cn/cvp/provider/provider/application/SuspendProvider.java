package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Suspend a listed provider: ACTIVE → SUSPENDED. */
public record SuspendProvider(UUID providerId, String reason) {
}
