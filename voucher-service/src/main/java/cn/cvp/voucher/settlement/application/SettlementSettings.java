package cn.cvp.voucher.settlement.application;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settlement context's settings ({@code cvp.settlement.*}). */
@ConfigMapping(prefix = "cvp.settlement")
public interface SettlementSettings {

    /**
     * How often {@link OpenDueSettlementBatches} looks for periods that have ended: a duration such as {@code 15m},
     * or {@code off} (the tests, which move the clock and run the job themselves). The scheduler reads the same
     * property, with the same default, in its {@code every} expression.
     */
    @WithDefault("15m")
    String autoOpenInterval();

    /**
     * The largest supporting document (invoice, delivery certificate) taken, e.g. {@code 10M}; larger ones are
     * refused (413 DOCUMENT_TOO_LARGE). A body is also bounded by {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("10M")
    MemorySize documentMaxSize();
}
