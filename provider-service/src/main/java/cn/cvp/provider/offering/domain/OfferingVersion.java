package cn.cvp.provider.offering.domain;

import java.time.OffsetDateTime;

/** One published version of an offering, as it was published (allocations refer to it). */
public record OfferingVersion(int version, int units, long unitPriceFen, OffsetDateTime availableFrom,
                              OffsetDateTime availableTo, OffsetDateTime publishedAt, String publishedBy) {
}
