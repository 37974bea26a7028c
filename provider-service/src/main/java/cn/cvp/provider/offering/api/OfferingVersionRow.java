package cn.cvp.provider.offering.api;

import cn.cvp.provider.offering.domain.OfferingVersion;

import java.time.OffsetDateTime;

/** One published version of an offering. */
public record OfferingVersionRow(int version, int units, long unitPriceFen, OffsetDateTime availableFrom,
                                 OffsetDateTime availableTo, OffsetDateTime publishedAt, String publishedBy) {
    public static OfferingVersionRow of(OfferingVersion v) {
        return new OfferingVersionRow(v.version(), v.units(), v.unitPriceFen(), v.availableFrom(), v.availableTo(),
                v.publishedAt(), v.publishedBy());
    }
}
