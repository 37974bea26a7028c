package cn.cvp.provider.usage.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a usage record charges: a unit price of more than 0 and at most 10,000,000 fen per card-hour (INVALID_PRICE),
 * and an amount that is units × unit price rounded half-up to the fen, and more than 0 — nothing to pay is no usage
 * to report (AMOUNT_MISMATCH). Money in fen, never floating point.
 */
public final class UsageAmount {
    public static final long MAX_UNIT_PRICE_FEN = 10_000_000L;

    private UsageAmount() {
    }

    /** The price, then the amount (units already checked). */
    public static Optional<UsageRecord.Rejection> check(BigDecimal units, long unitPriceFen, long amountFen) {
        if (unitPriceFen <= 0 || unitPriceFen > MAX_UNIT_PRICE_FEN) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_PRICE",
                    "unitPriceFen must be more than 0 and at most " + MAX_UNIT_PRICE_FEN,
                    "unitPriceFen 必须大于 0 且不超过 " + MAX_UNIT_PRICE_FEN));
        }
        long expected = expectedFen(units, unitPriceFen);
        if (amountFen <= 0 || amountFen != expected) {
            return Optional.of(UsageRecord.Rejection.of("AMOUNT_MISMATCH",
                    "amountFen must be units × unitPriceFen rounded half-up to the fen: expected " + expected
                            + ", got " + amountFen,
                    "amountFen 必须等于 units × unitPriceFen（四舍五入到分）：应为 " + expected + "，实为 " + amountFen));
        }
        return Optional.empty();
    }

    /** units × unitPriceFen, rounded half-up to the fen. */
    public static long expectedFen(BigDecimal units, long unitPriceFen) {
        return units.multiply(BigDecimal.valueOf(unitPriceFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
