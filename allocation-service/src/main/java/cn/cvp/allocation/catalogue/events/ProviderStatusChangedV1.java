package cn.cvp.allocation.catalogue.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/** provider.status-changed.v1 as allocation-service reads it. Absent lists leave what we knew unchanged. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderStatusChangedV1(
        @NotNull UUID providerId,
        String creditCode,
        @NotBlank String status,
        String previousStatus,
        List<String> programmeMemberships,
        Boolean privatelyInvested,
        List<String> relatedParties,
        String reason) {
    public static final String TYPE = "provider.status-changed.v1";
}
