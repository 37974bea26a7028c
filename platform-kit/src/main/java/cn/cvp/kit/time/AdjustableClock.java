package cn.cvp.kit.time;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test stack's clock: the system clock (Asia/Shanghai) plus an offset that only moves forward, through
 * {@code POST /api/test-clock/advance}. {@link ClockProducer} hands it out as the services' {@code Clock} only when
 * {@code cvp.test-clock.enabled=true} ({@code platform test} sets it for the end-to-end run); production never does.
 * Typed as itself so that it is never a second {@code Clock} bean.
 */
@Singleton
@Typed(AdjustableClock.class)
public class AdjustableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock system;

    public AdjustableClock() {
        this(Clock.system(ClockProducer.PROGRAMME_ZONE));
    }

    AdjustableClock(Clock system) {
        this.system = system;
    }

    /** Moves the clock forward; returns the new offset. */
    public Duration advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the test clock only moves forward: " + by);
        }
        return offset.updateAndGet(o -> o.plus(by));
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }
}
