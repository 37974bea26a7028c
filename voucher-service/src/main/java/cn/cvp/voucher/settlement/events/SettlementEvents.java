package cn.cvp.voucher.settlement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The events the settlement context publishes, on {@code voucher.events} beside the ledger's (key = the batch id;
 * JSON Schemas and examples under {@code src/main/resources/events}).
 */
public final class SettlementEvents {
    public static final String TOPIC = "voucher.events";
    public static final String PAID = "settlement.paid.v1";

    private SettlementEvents() {
    }

    /** A redemption batch was paid out: the figures of the batch, to the fen, and who paid it. */
    public record SettlementPaidV1(UUID batchId, UUID programmeId, String programmeCode, String period,
                                   LocalDate periodStart, LocalDate periodEnd, String submitterType,
                                   String submitterCreditCode, int lineCount, long subsidyFen, long usageAmountFen,
                                   long coPaymentFen, String paymentReference, OffsetDateTime paidAt, String paidBy,
                                   String approvedBy) {
    }
}
