package cn.cvp.provider.provider.api;

import cn.cvp.kit.creditcode.ValidCreditCode;
import cn.cvp.provider.provider.domain.Provider;
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

    static final String PROGRAMME_CODE = "[A-Z0-9]{2,16}(-[A-Z0-9]{1,16}){0,3}";

    /** The provider's self-assessment (自评) against the onboarding criteria. */
    public record SelfAssess(
            @NotNull Boolean legalEntity,
            @NotNull Boolean fixedSite,
            @NotBlank @Size(max = 500) String priceListRef,
            @Size(max = 4000) String statement,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = PROGRAMME_CODE,
                    message = "must be a programme code such as BJ-AICV") String> programmes) {

        Provider.SelfAssessment toSelfAssessment() {
            return new Provider.SelfAssessment(legalEntity, fixedSite, priceListRef.strip(), statement, programmes);
        }
    }

    /** A decision that must say why (suspension, removal, returning a self-assessment, an objection). */
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A decision that may say why. */
    public record OptionalReason(@Size(max = 1000) String reason) {
    }

    /** Verification passed: the programme standing approved (default: what the provider requested). */
    public record Verified(
            @Size(max = 20) List<@NotNull @Pattern(regexp = PROGRAMME_CODE,
                    message = "must be a programme code such as BJ-AICV") String> programmeMemberships,
            @Size(max = 1000) String reason) {
    }

    /**
     * Administrator's shortcut accreditation: the programmes the provider is accredited for, e.g. BJ-AICV
     * (Beijing compute partner, 算力伙伴) or SH-ICV (Shanghai listed service institution, 服务机构).
     */
    public record Accredit(
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9]{2,16}(-[A-Z0-9]{1,16}){0,3}",
                    message = "must be a programme code such as BJ-AICV") String> programmeMemberships,
            @Size(max = 500) String reason) {
    }
}
