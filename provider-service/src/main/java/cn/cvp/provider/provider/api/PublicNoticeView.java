package cn.cvp.provider.provider.api;

import cn.cvp.provider.provider.domain.Provider;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A provider on public notice (公示): what the public may see, and until when objections are taken. */
public record PublicNoticeView(UUID providerId, String creditCode, String name, String region,
                               int yearsOperating, String site, boolean privatelyInvested,
                               List<String> programmes, OffsetDateTime noticeStartedAt,
                               OffsetDateTime noticeEndsAt) {
    public static PublicNoticeView of(Provider p) {
        return new PublicNoticeView(p.id(), p.creditCode(), p.name(), p.region(), p.yearsOperating(), p.site(),
                p.privatelyInvested(), p.approvedProgrammes(), p.noticeStartedAt(), p.noticeEndsAt());
    }
}
