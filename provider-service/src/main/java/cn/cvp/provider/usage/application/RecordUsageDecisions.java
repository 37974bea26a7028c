package cn.cvp.provider.usage.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A run of allocation-service's decisions on usage reports (usage.accepted.v1 / usage.rejected.v1), in order. */
public record RecordUsageDecisions(List<Decided> decisions) {

    /**
     * One decision, as the event {@code eventId} of type {@code eventType} said it: accepted (units, amount, subsidy,
     * flags) or rejected (reason, detail).
     */
    public record Decided(String eventId, String eventType, UUID usageReportId, boolean accepted, BigDecimal units,
                          Long amountFen, Long subsidyFen, List<String> flags, String reason, String detail) {

        public static Decided accepted(String eventId, String eventType, UUID usageReportId, BigDecimal units,
                                       Long amountFen, Long subsidyFen, List<String> flags) {
            return new Decided(eventId, eventType, usageReportId, true, units, amountFen, subsidyFen, flags, null,
                    null);
        }

        public static Decided rejected(String eventId, String eventType, UUID usageReportId, String reason,
                                       String detail) {
            return new Decided(eventId, eventType, usageReportId, false, null, null, null, null, reason, detail);
        }
    }
}
