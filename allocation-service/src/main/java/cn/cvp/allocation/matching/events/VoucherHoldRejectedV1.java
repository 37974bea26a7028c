package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** voucher.hold-rejected.v1 as allocation-service reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoucherHoldRejectedV1(@NotNull UUID voucherId, @NotNull UUID allocationId, @NotBlank String reason) {
    public static final String TYPE = "voucher.hold-rejected.v1";
}
