package cn.cvp.provider.provider.application;

import java.util.UUID;

/** An administrator lists a provider whose public notice ended without objection: PUBLIC_NOTICE → ACTIVE. */
public record ConcludePublicNotice(UUID providerId) {
}
