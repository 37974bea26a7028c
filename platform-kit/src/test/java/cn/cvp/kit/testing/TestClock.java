package cn.cvp.kit.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The services' clock in their tests: real time plus an offset a test can move (expiry, windows, public notice).
 * A CDI alternative of the kit's test-jar (a bean archive): it replaces the kit's {@code Clock} in every
 * {@code @QuarkusTest} of a service that depends on the test-jar; inject it as {@code TestClock}.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock system = Clock.system(ZoneId.of("Asia/Shanghai"));

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
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
