package cn.cvp.provider.offering.api;

import cn.cvp.provider.offering.domain.BillingUnit;
import cn.cvp.provider.offering.domain.OfferingTerms;
import cn.cvp.provider.offering.domain.ResourceClass;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.OffsetDateTime;

public final class OfferingRequests {
    private OfferingRequests() {
    }

    /**
     * A new offering: resource class, region, cards / cores / TB, price per unit-hour (or TB-month), window.
     * {@code unit} is optional; if given it must be the resource class's (422 UNIT_DOES_NOT_FIT_RESOURCE_CLASS).
     */
    public record Create(
            @NotNull ResourceClass resourceClass,
            BillingUnit unit,
            @NotNull @Pattern(regexp = "[1-9]\\d{5}", message = "must be a six-digit administrative division code") String region,
            @NotNull @Min(1) @Max(OfferingTerms.MAX_UNITS) Integer units,
            @NotNull @Min(1) @Max(OfferingTerms.MAX_UNIT_PRICE_FEN) Long unitPriceFen,
            @NotNull OffsetDateTime availableFrom,
            @NotNull OffsetDateTime availableTo) {

        OfferingTerms toTerms() {
            resourceClass.requireUnit(unit);
            return new OfferingTerms(resourceClass, region, units, unitPriceFen, availableFrom, availableTo);
        }
    }

    /**
     * A new version of a published offering: the fields given change (price, capacity, window), the
     * others stay. Allocations already made keep the version and price they were made on.
     */
    public record Revise(
            @Min(1) @Max(OfferingTerms.MAX_UNITS) Integer units,
            @Min(1) @Max(OfferingTerms.MAX_UNIT_PRICE_FEN) Long unitPriceFen,
            OffsetDateTime availableFrom,
            OffsetDateTime availableTo) {
    }
}
