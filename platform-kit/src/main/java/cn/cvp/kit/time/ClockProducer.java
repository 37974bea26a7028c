package cn.cvp.kit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** The platform clock; programme time rules run in Asia/Shanghai. Tests replace it with their own bean. */
public class ClockProducer {
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.system(PROGRAMME_ZONE);
    }
}
