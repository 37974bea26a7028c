package cn.cvp.provider.provider.application;

import java.util.UUID;

/** An administrator starts platform verification (平台核验): SELF_ASSESSED → VERIFYING. */
public record StartVerification(UUID providerId, String reason) {
}
