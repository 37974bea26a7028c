package cn.cvp.allocation.catalogue.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.UUID;

/** offering.published.v1 as allocation-service reads it. Times are kept as text (the consumer reads them). */
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
}
