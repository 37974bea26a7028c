package cn.cvp.provider.usage.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A usage period ends after it starts, has ended, and covers at most 31 days. */
class UsagePeriodTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    static Optional<String> message(OffsetDateTime start, OffsetDateTime end) {
        return UsagePeriod.check(start, end, NOW).map(r -> r.code() + ": " + r.messageEn());
    }

    @Test
    void aPastPeriodOfUpTo31DaysPasses() {
        assertThat(message(NOW.minusDays(1), NOW.minusHours(1))).isEmpty();
        assertThat(message(NOW.minusDays(31), NOW)).isEmpty();
    }

    @Test
    void theEndComesAfterTheStart() {
        assertThat(message(NOW.minusHours(1), NOW.minusHours(1)))
                .contains("INVALID_PERIOD: periodEnd must be after periodStart");
        assertThat(message(NOW.minusHours(1), NOW.minusHours(2)))
                .contains("INVALID_PERIOD: periodEnd must be after periodStart");
    }

    @Test
    void theEndIsNotInTheFuture() {
        assertThat(message(NOW.minusHours(1), NOW.plusSeconds(1)))
                .contains("INVALID_PERIOD: periodEnd must not be in the future");
    }

    @Test
    void atMost31Days() {
        assertThat(message(NOW.minusDays(31).minusSeconds(1), NOW))
                .contains("INVALID_PERIOD: a record may cover at most 31 days");
    }
}
