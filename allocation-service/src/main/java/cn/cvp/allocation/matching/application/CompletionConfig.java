package cn.cvp.allocation.matching.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the completion of allocations whose window is over ({@code cvp.allocation.*}). */
@ConfigMapping(prefix = "cvp.allocation")
public interface CompletionConfig {

    /** Late usage reports are accepted this long after an allocation's window ends; then it is completed. */
    @WithDefault("P7D")
    Duration usageGrace();

    /** How often {@link CompletionJob} looks for ended allocations ({@code off}: never, as in tests). */
    @WithDefault("5m")
    String completionCheck();
}
