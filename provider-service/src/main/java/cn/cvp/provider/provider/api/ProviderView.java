package cn.cvp.provider.provider.api;

import cn.cvp.provider.provider.domain.Provider;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A provider and where it stands in accreditation. */
public record ProviderView(UUID id, String creditCode, String name, String region, int yearsOperating,
                           String site, boolean privatelyInvested, List<String> relatedParties,
                           List<String> programmeMemberships, String status, String statusReason,
                           OffsetDateTime registeredAt, OffsetDateTime statusChangedAt,
                           Map<String, Object> selfAssessment, OffsetDateTime selfAssessedAt,
                           List<String> requestedProgrammes, List<String> approvedProgrammes,
                           OffsetDateTime noticeStartedAt, OffsetDateTime noticeEndsAt) {
    public static ProviderView of(Provider p) {
        return new ProviderView(p.id(), p.creditCode(), p.name(), p.region(), p.yearsOperating(), p.site(),
                p.privatelyInvested(), p.relatedParties(), p.programmeMemberships(), p.status().name(),
                p.statusReason(), p.registeredAt(), p.statusChangedAt(), p.selfAssessment(), p.selfAssessedAt(),
                p.requestedProgrammes(), p.approvedProgrammes(), p.noticeStartedAt(), p.noticeEndsAt());
    }
}
