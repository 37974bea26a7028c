package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.ResourceClass;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The compute an application asks for: a resource class, card-hours, regions and a window. */
public record Demand(ResourceClass resourceClass, long cardHours, List<String> regions,
                     OffsetDateTime windowStart, OffsetDateTime windowEnd) {

    /** The window ends after it starts and lasts at most 366 days. */
    public void requireValidWindow() {
        if (!windowEnd.isAfter(windowStart) || Duration.between(windowStart, windowEnd).toDays() > 366) {
            throw DomainException.invalid("INVALID_WINDOW",
                    "The demand window must end after it starts and last at most 366 days",
                    "需求时间窗口的结束时间须晚于开始时间，且不超过 366 天");
        }
    }
}
