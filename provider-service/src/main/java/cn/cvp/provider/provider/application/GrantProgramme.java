package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Grant a listed provider standing in a programme (e.g. BJ-AICV 算力伙伴, SH-ICV 服务机构). */
public record GrantProgramme(UUID providerId, String programme) {
}
