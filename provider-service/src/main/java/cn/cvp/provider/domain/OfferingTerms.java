package cn.cvp.provider.domain;

import cn.cvp.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an offering sells: a resource class in a region, so many units (cards or TB) at a price per
 * unit-hour (or unit-month), within an availability window.
 */
public record OfferingTerms(ResourceClass resourceClass, String region, int units, long unitPriceFen,
                            OffsetDateTime availableFrom, OffsetDateTime availableTo) {
    public static final int MAX_UNITS = 100_000;
    public static final long MAX_UNIT_PRICE_FEN = 10_000_000L;
    public static final int MAX_WINDOW_YEARS = 3;

    /**
     * The rules between fields, checked before anything is stored: the window ends after it starts,
     * lasts at most three years and has not already ended.
     */
    public OfferingTerms {
        if (availableFrom != null && availableTo != null && !availableTo.isAfter(availableFrom)) {
            throw invalid("availableTo", "must be after availableFrom", "必须晚于 availableFrom");
        }
        if (availableFrom != null && availableTo != null
                && availableTo.isAfter(availableFrom.plusYears(MAX_WINDOW_YEARS))) {
            throw invalid("availableTo", "must be at most " + MAX_WINDOW_YEARS + " years after availableFrom",
                    "不得晚于 availableFrom 之后 " + MAX_WINDOW_YEARS + " 年");
        }
    }

    public void requireNotEnded(OffsetDateTime now) {
        if (!availableTo.isAfter(now)) {
            throw invalid("availableTo", "must be in the future", "必须晚于当前时间");
        }
    }

    private static ProblemException invalid(String field, String en, String zh) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        errors.add(new ProblemException.FieldError(field, "INVALID_FIELD", en));
        return new ProblemException(400, "VALIDATION_FAILED", "The request has invalid fields: " + field + " " + en,
                "请求中以下字段无效：" + field + " " + zh, Map.of(), errors);
    }
}
