package cn.cvp.voucher.support;

import java.math.BigDecimal;

/** Money is CNY in fen (a long); people read it in yuan with two decimals. */
public final class Money {
    private Money() {
    }

    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
