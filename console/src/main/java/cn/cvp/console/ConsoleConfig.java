package cn.cvp.console;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where the three services are, and what the pages load. */
@ConfigMapping(prefix = "cvp.console")
public interface ConsoleConfig {
    String voucherUrl();

    String providerUrl();

    String allocationUrl();

    String htmxVersion();

    Duration apiTimeout();
}
