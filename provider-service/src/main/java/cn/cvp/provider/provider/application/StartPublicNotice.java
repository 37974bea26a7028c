package cn.cvp.provider.provider.application;

import java.util.List;
import java.util.UUID;

/** Verification passed: VERIFYING → PUBLIC_NOTICE (公示), with the programme standing approved (none: what was requested). */
public record StartPublicNotice(UUID providerId, List<String> programmes, String reason) {
}
