package cn.cvp.provider.offering.api;

import cn.cvp.provider.offering.domain.Offering;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An offering at its current version. Money in fen. */
public record OfferingView(UUID id, UUID providerId, int version, String resourceClass, String category,
                           boolean domesticChip, String unit, String region, int units, long unitPriceFen,
                           OffsetDateTime availableFrom, OffsetDateTime availableTo, String status,
                           OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt) {
    public static OfferingView of(Offering o) {
        return new OfferingView(o.id(), o.providerId(), o.version(), o.resourceClass().name(),
                o.resourceClass().category().name(), o.resourceClass().domesticChip(), o.resourceClass().unit().name(),
                o.region(), o.units(), o.unitPriceFen(), o.availableFrom(), o.availableTo(), o.status().name(),
                o.createdAt(), o.publishedAt(), o.withdrawnAt());
    }
}
