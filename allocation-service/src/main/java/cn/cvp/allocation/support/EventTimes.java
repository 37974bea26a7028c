package cn.cvp.allocation.support;

import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.time.ClockProducer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the times in other services' events. The contract says ISO-8601 with offset; a bare date or a
 * local date-time is read in the programme's zone (Asia/Shanghai), a date that ends a window as the
 * end of that day, so that a window "2026-01-01 … 2026-01-31" covers all of January.
 */
public final class EventTimes {

    private EventTimes() {
    }

    public static OffsetDateTime start(String field, String value) {
        return parse(field, value, false);
    }

    public static OffsetDateTime end(String field, String value) {
        return parse(field, value, true);
    }

    public static OffsetDateTime startOrNull(String field, String value) {
        return value == null ? null : start(field, value);
    }

    private static OffsetDateTime parse(String field, String value, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(field + " is missing");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(value);
                    return (endOfRange ? date.plusDays(1) : date).atStartOfDay(ClockProducer.PROGRAMME_ZONE)
                            .toOffsetDateTime();
                } catch (DateTimeParseException notDate) {
                    throw new MalformedEventException(field + " is not an ISO-8601 time: " + value);
                }
            }
        }
    }

    /** A time as we write it in our own events: ISO-8601 in the programme's zone. */
    public static OffsetDateTime inProgrammeZone(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime();
    }

    public static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
