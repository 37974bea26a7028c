package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Verification sends the self-assessment back for rework: VERIFYING → SELF_ASSESSED. */
public record ReturnSelfAssessment(UUID providerId, String reason) {
}
