package cn.cvp.provider.provider.application;

import java.util.List;
import java.util.UUID;

/** Administrator's shortcut: list an onboarding provider at once for the given programmes. */
public record AccreditProvider(UUID providerId, List<String> programmes, String reason) {
}
