package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.programme.domain.ResourceClass;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The compute an application asks for: a resource class, a quantity in the class's one unit (card-hours, core-hours
 * or TB-months), regions and a window.
 */
public record Demand(ResourceClass resourceClass, long quantity, List<String> regions,
                     OffsetDateTime windowStart, OffsetDateTime windowEnd) {

    /** A storage month, as allocation-service counts TB-months: 30 days. */
    public static final Duration STORAGE_MONTH = Duration.ofDays(30);

    /**
     * The demand as a request states it: {@code unit} is optional but, if stated, must be the resource class's
     * (422 UNIT_DOES_NOT_FIT_RESOURCE_CLASS); the quantity is {@code quantity}, or — kept for requests from before
     * units, and only for a card-hour class — {@code cardHours}. Both stated must agree.
     */
    public static Demand requested(ResourceClass resourceClass, BillingUnit unit, Long quantity, Long cardHours,
                                   List<String> regions, OffsetDateTime windowStart, OffsetDateTime windowEnd) {
        if (unit != null && unit != resourceClass.unit()) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, "UNIT_DOES_NOT_FIT_RESOURCE_CLASS",
                    resourceClass + " is asked for in " + resourceClass.unit() + ", not " + unit,
                    resourceClass + " 的计量单位为 " + resourceClass.unit() + "，不能按 " + unit + " 申请",
                    Map.of("resourceClass", resourceClass.name(), "unit", resourceClass.unit().name()), List.of());
        }
        if (cardHours != null && resourceClass.unit() != BillingUnit.CARD_HOUR) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, "UNIT_DOES_NOT_FIT_RESOURCE_CLASS",
                    "cardHours is only for card-hour classes; " + resourceClass + " is asked for in "
                            + resourceClass.unit() + ": send unit and quantity",
                    "cardHours 仅适用于按卡时计量的资源类别；" + resourceClass + " 的计量单位为 " + resourceClass.unit()
                            + "，请填写 unit 与 quantity",
                    Map.of("resourceClass", resourceClass.name(), "unit", resourceClass.unit().name()), List.of());
        }
        if (quantity == null && cardHours == null || quantity != null && cardHours != null && !quantity.equals(cardHours)) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "The request has invalid fields: demand.quantity is required (cardHours, if also given, must equal it)",
                    "请求中以下字段无效：demand.quantity 必填（如同时填写 cardHours，须与其相等）",
                    Map.of(), List.of(new DomainException.Violation("demand.quantity", "INVALID_FIELD",
                            "is required (cardHours, if also given, must equal it)")));
        }
        return new Demand(resourceClass, quantity != null ? quantity : cardHours, regions, windowStart, windowEnd);
    }

    /** What the quantity is counted in: the resource class's unit. */
    public BillingUnit unit() {
        return resourceClass.unit();
    }

    /**
     * The window ends after it starts and lasts at most 366 days; a TB-month demand's window holds at least one
     * whole 30-day month (TB-months are served in whole months only).
     */
    public void requireValidWindow() {
        if (!windowEnd.isAfter(windowStart) || Duration.between(windowStart, windowEnd).toDays() > 366) {
            throw DomainException.invalid("INVALID_WINDOW",
                    "The demand window must end after it starts and last at most 366 days",
                    "需求时间窗口的结束时间须晚于开始时间，且不超过 366 天");
        }
        if (unit() == BillingUnit.TB_MONTH && Duration.between(windowStart, windowEnd).compareTo(STORAGE_MONTH) < 0) {
            throw DomainException.invalid("INVALID_WINDOW",
                    "A demand in TB-months needs a window of at least one 30-day month",
                    "按 TB·月计量的需求，时间窗口须至少为一个月（30 天）");
        }
    }
}
