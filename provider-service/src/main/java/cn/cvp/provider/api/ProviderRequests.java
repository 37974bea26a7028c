package cn.cvp.provider.api;

import cn.cvp.kit.creditcode.ValidCreditCode;
import cn.cvp.provider.domain.Provider;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public final class ProviderRequests {
    private ProviderRequests() {
    }

    /** Registration of the caller's own organisation as a provider. */
    public record Register(
            @NotBlank @Size(max = 200) String name,
            @NotNull @ValidCreditCode String creditCode,
            @NotNull @Pattern(regexp = "[1-9]\\d{5}", message = "must be a six-digit administrative division code") String region,
            @NotNull @Min(0) @Max(200) Integer yearsOperating,
            @NotBlank @Size(max = 500) String site,
            @NotNull Boolean privatelyInvested,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> relatedParties) {

        Provider.Registration toRegistration() {
            return new Provider.Registration(creditCode, name.strip(), region, yearsOperating, site.strip(),
                    privatelyInvested, relatedParties == null ? List.of() : relatedParties);
        }
    }

    /**
     * Skeleton fast-track accreditation: the programmes the provider is accredited for, e.g. BJ-AICV
     * (Beijing compute partner, 算力伙伴) or SH-ICV (Shanghai listed service institution, 服务机构).
     */
    public record Accredit(
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9]{2,16}(-[A-Z0-9]{1,16}){0,3}",
                    message = "must be a programme code such as BJ-AICV") String> programmeMemberships,
            @Size(max = 500) String reason) {
    }
}
