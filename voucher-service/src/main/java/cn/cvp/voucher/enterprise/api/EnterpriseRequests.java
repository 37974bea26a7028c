package cn.cvp.voucher.enterprise.api;

import cn.cvp.kit.creditcode.ValidCreditCode;
import cn.cvp.voucher.enterprise.domain.EnterpriseSize;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.enterprise.domain.Ownership;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public final class EnterpriseRequests {
    private EnterpriseRequests() {
    }

    /** Registration of the caller's own organisation. */
    public record Register(
            @NotBlank @Size(max = 200) String name,
            @NotNull @ValidCreditCode String creditCode,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit administrative division code") String region,
            @NotNull Industry industry,
            @NotNull EnterpriseSize size,
            boolean startup,
            boolean team,
            @NotNull Ownership ownership,
            boolean dishonest,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> relatedParties) {
    }

    /** A dated dishonesty record (失信记录) from the credit registry, entered by the programme office. */
    public record DishonestyRecord(
            @NotBlank @Size(max = 100) String reference,
            @NotNull LocalDate recordedOn,
            @NotBlank @Size(max = 200) String authority) {
    }
}
