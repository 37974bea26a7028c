package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Public notice (公示) before a provider is listed: once verification has passed, the provider is on notice for a
 * number of days (7 by default, {@code cvp.provider.public-notice-days}) on the service's clock. While the notice
 * runs, anyone may object (异议): an objection sends the provider back to verification and ends this notice (a new
 * one starts when verification passes again). Once the notice has ended without objection the provider is listed;
 * not before.
 *
 * @param startedAt when the notice started
 * @param endsAt    when it ends: objections are taken before this instant, listing from it on
 */
public record PublicNotice(OffsetDateTime startedAt, OffsetDateTime endsAt) {
    public static final int DEFAULT_DAYS = 7;
    public static final String OBJECTION = "OBJECTION: ";

    /** A notice of {@code days} days from {@code now}. */
    public static PublicNotice starting(OffsetDateTime now, int days) {
        return new PublicNotice(now, now.plusDays(days));
    }

    /** Whether objections are taken at {@code now}. */
    public boolean openAt(OffsetDateTime now) {
        return endsAt != null && now.isBefore(endsAt);
    }

    /** Why the provider went back to verification: the objection's reason, marked as such. */
    public static String objectionReason(String reason) {
        return OBJECTION + reason;
    }

    /** An objection to a provider that is not (or no longer) on notice: 409 NOTICE_NOT_OPEN with its state. */
    static DomainException notOpen(UUID providerId, ProviderStatus status, OffsetDateTime endsAt) {
        return new DomainException(DomainException.Kind.ILLEGAL_STATE, "NOTICE_NOT_OPEN",
                "Provider " + providerId + " is not on public notice" + (endsAt != null
                        && status == ProviderStatus.PUBLIC_NOTICE ? " any more (it ended at " + endsAt + ")" : ""),
                "该机构当前不在公示期内", Map.of("currentState", status.name()), List.of());
    }

    /** Listing is refused until the notice has ended: NOTICE_PERIOD_NOT_OVER with when it ends. */
    void requireEnded(UUID providerId, ProviderStatus status, OffsetDateTime now) {
        if (now.isBefore(endsAt)) {
            throw new DomainException(DomainException.Kind.ILLEGAL_STATE, "NOTICE_PERIOD_NOT_OVER",
                    "The public notice of provider " + providerId + " runs until " + endsAt,
                    "该机构的公示期至 " + endsAt + " 才结束",
                    Map.of("currentState", status.name(), "noticeEndsAt", endsAt.toString()), List.of());
        }
    }
}
