package cn.cvp.allocation.catalogue.messaging;

import cn.cvp.allocation.catalogue.domain.OfferingTerms;
import cn.cvp.allocation.support.EventTimes;
import cn.cvp.kit.events.MalformedEventException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.UUID;

/** offering.published.v1 as allocation-service reads it. Times are kept as text and read by EventTimes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferingPublishedV1(
        @NotNull UUID offeringId,
        @NotNull @Min(1) Integer version,
        @NotNull UUID providerId,
        @NotBlank String resourceClass,
        @NotBlank String category,
        Boolean domesticChip,
        @NotBlank String region,
        @NotNull @PositiveOrZero Integer units,
        @NotBlank String unit,
        @NotNull @PositiveOrZero Long unitPriceFen,
        @NotBlank String availableFrom,
        @NotBlank String availableTo) {
    public static final String TYPE = "offering.published.v1";

    /** The offering's terms in domain terms; an unreadable or empty availability makes the event malformed. */
    public OfferingTerms toTerms() {
        OfferingTerms terms = new OfferingTerms(offeringId, version, providerId, resourceClass, category,
                Boolean.TRUE.equals(domesticChip), region, units, unit, unitPriceFen,
                EventTimes.start("availableFrom", availableFrom), EventTimes.end("availableTo", availableTo));
        if (!terms.availableTo().isAfter(terms.availableFrom())) {
            throw new MalformedEventException("offering " + offeringId + " is available for no time: "
                    + availableFrom + " … " + availableTo);
        }
        return terms;
    }
}
