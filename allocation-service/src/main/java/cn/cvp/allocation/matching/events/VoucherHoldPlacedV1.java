package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.UUID;

/** voucher.hold-placed.v1 as allocation-service reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoucherHoldPlacedV1(@NotNull UUID voucherId, @NotNull UUID allocationId,
                                  @NotNull @PositiveOrZero Long holdFen, Long availableFen) {
    public static final String TYPE = "voucher.hold-placed.v1";
}
