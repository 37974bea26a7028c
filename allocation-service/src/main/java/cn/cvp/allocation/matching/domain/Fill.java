package cn.cvp.allocation.matching.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One part of a demand served by one offering: the capacity to reserve and what it costs.
 *
 * @param units     cards reserved: enough to deliver the card-hours within the window, at most the offering's
 * @param cardHours card-hours reserved
 * @param amountFen cardHours × unitPriceFen
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
        Instant windowEnd) {
}
