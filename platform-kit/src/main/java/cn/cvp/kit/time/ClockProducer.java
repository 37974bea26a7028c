package cn.cvp.kit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The platform clock; programme time rules run in Asia/Shanghai. Tests replace it with their own bean. The local
 * test stack ({@code platform test}, config {@code cvp.test-clock.enabled=true}) gets the {@link AdjustableClock}
 * instead, so that the end-to-end journeys can reach the end of a settlement period; the default is the system clock.
 */
public class ClockProducer {
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final String TEST_CLOCK_ENABLED = "cvp.test-clock.enabled";

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock(@ConfigProperty(name = TEST_CLOCK_ENABLED, defaultValue = "false") boolean testClock,
                Instance<AdjustableClock> adjustable) {
        if (testClock) {
            return adjustable.get();
        }
        return Clock.system(PROGRAMME_ZONE);
    }
}
