package cn.cvp.provider.provider.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Accreditation settings ({@code cvp.provider.*}). */
@ConfigMapping(prefix = "cvp.provider")
public interface AccreditationConfig {

    /** How many days a provider stays on public notice (公示) before it is listed. */
    @WithDefault("7")
    int publicNoticeDays();

    /**
     * How often {@link PublicNoticeJob} lists the providers whose notice ended ({@code off} in tests, which run it
     * on a clock they move). The scheduler reads it by name; it is declared here so that the whole prefix is known.
     */
    @WithDefault("60s")
    String noticeCheckInterval();
}
