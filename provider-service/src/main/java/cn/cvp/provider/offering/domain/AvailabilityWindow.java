package cn.cvp.provider.offering.domain;

import cn.cvp.kit.domain.DomainException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The window in which an offering's capacity is available: it ends after it starts and lasts at most three years,
 * and it must not have ended when the offering is drafted or revised (a field error, 400 VALIDATION_FAILED) nor
 * when it is published (409 OFFERING_WINDOW_ENDED: it ended since the draft was made).
 */
public final class AvailabilityWindow {
    public static final int MAX_YEARS = 3;

    private AvailabilityWindow() {
    }

    /** The rules between the two ends, checked before anything is stored; a missing end is the request's to refuse. */
    public static void check(OffsetDateTime availableFrom, OffsetDateTime availableTo) {
        if (availableFrom != null && availableTo != null && !availableTo.isAfter(availableFrom)) {
            throw invalid("availableTo", "must be after availableFrom", "必须晚于 availableFrom");
        }
        if (availableFrom != null && availableTo != null
                && availableTo.isAfter(availableFrom.plusYears(MAX_YEARS))) {
            throw invalid("availableTo", "must be at most " + MAX_YEARS + " years after availableFrom",
                    "不得晚于 availableFrom 之后 " + MAX_YEARS + " 年");
        }
    }

    /** A window offered (drafted or revised) must still be open. */
    public static void requireNotEnded(OffsetDateTime availableTo, OffsetDateTime now) {
        if (!availableTo.isAfter(now)) {
            throw invalid("availableTo", "must be in the future", "必须晚于当前时间");
        }
    }

    /** A draft is published only while its window is open. */
    public static void requireOpenForPublishing(OffsetDateTime availableTo, OffsetDateTime now) {
        if (!availableTo.isAfter(now)) {
            throw new DomainException(DomainException.Kind.ILLEGAL_STATE, "OFFERING_WINDOW_ENDED",
                    "The offering's availability window ended at " + availableTo,
                    "该供给的可用时段已于 " + availableTo + " 结束");
        }
    }

    private static DomainException invalid(String field, String en, String zh) {
        return new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                "The request has invalid fields: " + field + " " + en, "请求中以下字段无效：" + field + " " + zh,
                Map.of(), List.of(new DomainException.Violation(field, "INVALID_FIELD", en)));
    }
}
