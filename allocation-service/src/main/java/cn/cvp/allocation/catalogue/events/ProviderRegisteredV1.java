package cn.cvp.allocation.catalogue.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/** provider.registered.v1 as allocation-service reads it (tolerant: unknown fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderRegisteredV1(
        @NotNull UUID providerId,
        @NotBlank String creditCode,
        String name,
        String region,
        Boolean privatelyInvested,
        List<String> relatedParties,
        @NotBlank String status) {
    public static final String TYPE = "provider.registered.v1";

    public List<String> relatedPartiesOrEmpty() {
        return relatedParties == null ? List.of() : relatedParties;
    }
}
