package cn.cvp.allocation.catalogue.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The terms of one published version of an offering (offering.published.v1). */
public record OfferingTerms(
        UUID offeringId,
        int version,
        UUID providerId,
        String resourceClass,
        String category,
        boolean domesticChip,
        String region,
        int units,
        String unit,
        long unitPriceFen,
        OffsetDateTime availableFrom,
        OffsetDateTime availableTo) {
}
