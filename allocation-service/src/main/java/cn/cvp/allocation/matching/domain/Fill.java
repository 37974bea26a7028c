package cn.cvp.allocation.matching.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One part of a demand served by one offering: the capacity to reserve and what it costs.
 *
 * @param units     cards, cores or TB reserved: enough to deliver the quantity within the window, at most the
 *                  offering's
 * @param cardHours the quantity reserved, in {@code unit} (card-hours, core-hours or TB-months)
 * @param amountFen cardHours × unitPriceFen (the price is per unit-hour, or per TB-month)
 * @param windowStart start of the overlap of the demand window and the offering's availability
 */
public record Fill(
        UUID offeringId,
        int offeringVersion,
        UUID providerId,
        String resourceClass,
        String region,
        boolean domesticChip,
        int units,
        long cardHours,
        long unitPriceFen,
        long amountFen,
        Instant windowStart,
        Instant windowEnd,
        String unit) {

    /** A card-hour fill. */
    public Fill(UUID offeringId, int offeringVersion, UUID providerId, String resourceClass, String region,
                boolean domesticChip, int units, long cardHours, long unitPriceFen, long amountFen, Instant windowStart,
                Instant windowEnd) {
        this(offeringId, offeringVersion, providerId, resourceClass, region, domesticChip, units, cardHours,
                unitPriceFen, amountFen, windowStart, windowEnd, Supply.CARD_HOUR);
    }
}
