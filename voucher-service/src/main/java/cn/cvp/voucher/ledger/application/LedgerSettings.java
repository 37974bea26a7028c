package cn.cvp.voucher.ledger.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ledger's settings ({@code cvp.voucher.*}). */
@ConfigMapping(prefix = "cvp.voucher")
public interface LedgerSettings {

    /**
     * How often {@link ExpireVouchers} looks for vouchers past their validity: a duration such as {@code 10s}, or
     * {@code off} (the tests, which move the clock and expire vouchers themselves). The scheduler reads the same
     * property, with the same default, in its {@code every} expression.
     */
    @WithDefault("10s")
    String expiryInterval();
}
