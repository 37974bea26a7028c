package cn.cvp.kit.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustableClockTest {
    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void itIsTheUnderlyingClockUntilAdvancedThenTheSumOfAllAdvances() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ClockProducer.PROGRAMME_ZONE));
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));

        assertThat(clock.advance(Duration.ofDays(35))).isEqualTo(Duration.ofDays(35));
        assertThat(clock.advance(Duration.ofHours(1))).isEqualTo(Duration.ofDays(35).plusHours(1));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(35).plusHours(1)));
        assertThat(clock.withZone(ZoneOffset.UTC).instant()).as("another zone keeps the offset")
                .isEqualTo(clock.instant());
    }

    @Test
    void itNeverMovesBackNorStandsStill() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(T0, ClockProducer.PROGRAMME_ZONE));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void withoutTheTestClockPropertyTheProducerGivesTheSystemClock() {
        Clock clock = new ClockProducer().clock(false, null);
        assertThat(clock).isEqualTo(Clock.system(ClockProducer.PROGRAMME_ZONE)).isNotInstanceOf(AdjustableClock.class);
    }
}
