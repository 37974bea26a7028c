package cn.cvp.provider.provider.api;

import cn.cvp.provider.provider.domain.ProviderObjection;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection (异议) filed during a public notice. */
public record ObjectionView(UUID id, UUID providerId, String reason, OffsetDateTime noticeStartedAt,
                            OffsetDateTime filedAt) {
    public static ObjectionView of(ProviderObjection o) {
        return new ObjectionView(o.id(), o.providerId(), o.reason(), o.noticeStartedAt(), o.filedAt());
    }
}
