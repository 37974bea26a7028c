package cn.cvp.provider.usage.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The period a usage record covers: it ends after it starts, has ended (not in the future) and lasts at most 31 days
 * (INVALID_PERIOD). Whether it lies within the allocation's window is allocation-service's to decide.
 */
public final class UsagePeriod {
    public static final Duration MAX = Duration.ofDays(31);

    private UsagePeriod() {
    }

    public static Optional<UsageRecord.Rejection> check(OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
        if (!end.isAfter(start)) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_PERIOD", "periodEnd must be after periodStart",
                    "periodEnd 必须晚于 periodStart"));
        }
        if (end.isAfter(now)) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_PERIOD", "periodEnd must not be in the future",
                    "periodEnd 不能晚于当前时间"));
        }
        if (Duration.between(start, end).compareTo(MAX) > 0) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_PERIOD", "a record may cover at most 31 days",
                    "单条记录的计量周期不得超过 31 天"));
        }
        return Optional.empty();
    }
}
