package cn.cvp.allocation.matching.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** order.cancelled.v1 as allocation-service reads it (key: the quota's voucherId). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCancelledV1(@NotNull UUID orderId, @NotNull UUID voucherId) {
    public static final String TYPE = "order.cancelled.v1";
}
