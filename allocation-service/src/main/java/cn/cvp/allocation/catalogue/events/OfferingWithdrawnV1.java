package cn.cvp.allocation.catalogue.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** offering.withdrawn.v1 as allocation-service reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferingWithdrawnV1(@NotNull UUID offeringId, @NotNull @Min(1) Integer version, UUID providerId) {
    public static final String TYPE = "offering.withdrawn.v1";
}
