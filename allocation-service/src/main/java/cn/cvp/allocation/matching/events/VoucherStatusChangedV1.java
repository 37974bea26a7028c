package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * voucher.frozen.v1, voucher.unfrozen.v1, voucher.revoked.v1 and voucher.expired.v1 as allocation-service reads
 * them (one shape for the four types).
 *
 * @param releasedAllocationIds the allocations whose holds voucher-service released (informative: every live
 *                              allocation of a revoked or expired voucher is cancelled here)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoucherStatusChangedV1(
        @NotNull UUID voucherId,
        String status,
        String previousStatus,
        String reason,
        Long returnedFen,
        List<UUID> releasedAllocationIds) {
    public static final String FROZEN = "voucher.frozen.v1";
    public static final String UNFROZEN = "voucher.unfrozen.v1";
    public static final String REVOKED = "voucher.revoked.v1";
    public static final String EXPIRED = "voucher.expired.v1";
}
