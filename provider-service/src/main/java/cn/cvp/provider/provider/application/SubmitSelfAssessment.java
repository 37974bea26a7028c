package cn.cvp.provider.provider.application;

import cn.cvp.provider.provider.domain.Provider;

import java.util.UUID;

/** The provider's own self-assessment (自评): REGISTERED (or returned) → SELF_ASSESSED. */
public record SubmitSelfAssessment(UUID providerId, Provider.SelfAssessment assessment) {
}
