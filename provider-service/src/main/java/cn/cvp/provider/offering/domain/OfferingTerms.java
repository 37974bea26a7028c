package cn.cvp.provider.offering.domain;

import java.time.OffsetDateTime;

/**
 * What an offering sells: a resource class in a region, so many units (cards, cores or TB, 1–100,000) at a price per
 * unit of the class's {@link BillingUnit} (card-hour, core-hour or TB-month; 1–10,000,000 fen), within an
 * {@link AvailabilityWindow}.
 */
public record OfferingTerms(ResourceClass resourceClass, String region, int units, long unitPriceFen,
                            OffsetDateTime availableFrom, OffsetDateTime availableTo) {
    public static final int MAX_UNITS = 100_000;
    public static final long MAX_UNIT_PRICE_FEN = 10_000_000L;

    /** The window's rules are checked before anything is stored. */
    public OfferingTerms {
        AvailabilityWindow.check(availableFrom, availableTo);
    }

    public void requireNotEnded(OffsetDateTime now) {
        AvailabilityWindow.requireNotEnded(availableTo, now);
    }
}
