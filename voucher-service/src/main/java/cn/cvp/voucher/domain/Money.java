package cn.cvp.voucher.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic in fen. Subsidies round down: the programme never pays more than its ratio. */
public final class Money {
    private Money() {
    }

    public static long subsidyFen(BigDecimal ratio, long amountFen) {
        return ratio.multiply(BigDecimal.valueOf(amountFen)).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
