package cn.cvp.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often a failing record is tried before it is dead-lettered ({@code cvp.consumer.*}). */
@ConfigMapping(prefix = "cvp.consumer")
public interface ConsumerConfig {

    /** Attempts of a record whose failure is neither permanent nor the database being unreachable. */
    @WithDefault("4")
    int attempts();

    /** The pause between attempts, in milliseconds (doubled, up to 5 s, while the database is unreachable). */
    @WithDefault("200")
    long retryDelayMs();
}
