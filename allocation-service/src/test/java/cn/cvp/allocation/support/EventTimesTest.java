package cn.cvp.allocation.support;

import cn.cvp.kit.events.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTimesTest {

    @Test
    void readsIsoTimesWithOffset() {
        assertThat(EventTimes.start("t", "2026-01-01T08:00:00Z"))
                .isEqualTo(OffsetDateTime.parse("2026-01-01T16:00:00+08:00").withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void readsLocalTimesInTheProgrammeZone() {
        assertThat(EventTimes.start("t", "2026-01-01T08:00:00").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-01-01T08:00:00+08:00").toInstant());
    }

    @Test
    void aDateStartsAtMidnightAndEndsAtTheNextMidnight() {
        assertThat(EventTimes.start("t", "2026-01-01").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00+08:00").toInstant());
        assertThat(EventTimes.end("t", "2026-01-31").toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-02-01T00:00:00+08:00").toInstant());
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> EventTimes.start("windowStart", "next tuesday"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("windowStart");
        assertThatThrownBy(() -> EventTimes.start("windowStart", null)).isInstanceOf(MalformedEventException.class);
    }
}
