package cn.cvp.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay's and retention's settings ({@code cvp.outbox.*}). */
@ConfigMapping(prefix = "cvp.outbox")
public interface OutboxConfig {

    /** How many events one relay round publishes at most. */
    @WithDefault("1000")
    int batchSize();

    /** How long the relay waits between rounds, in milliseconds. */
    @WithDefault("100")
    long pollIntervalMs();

    /** How long published events are kept before the retention job deletes them. */
    @WithDefault("P7D")
    Duration retention();
}
