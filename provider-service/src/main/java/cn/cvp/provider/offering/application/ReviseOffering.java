package cn.cvp.provider.offering.application;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A new version of a published offering: the fields given (not null) change, the others stay. */
public record ReviseOffering(UUID offeringId, Integer units, Long unitPriceFen, OffsetDateTime availableFrom,
                             OffsetDateTime availableTo) {
}
