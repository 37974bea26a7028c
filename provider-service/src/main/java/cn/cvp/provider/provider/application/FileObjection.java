package cn.cvp.provider.provider.application;

import java.util.UUID;

/** An objection (异议) to a provider's listing during its public notice. */
public record FileObjection(UUID providerId, String reason) {
}
