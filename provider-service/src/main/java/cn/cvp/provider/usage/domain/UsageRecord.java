package cn.cvp.provider.usage.domain;

import cn.cvp.provider.usage.events.UsageEvents;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One usage record as a provider submits it: so many card-hours (卡时) delivered on an allocation in a
 * period, at a unit price, for an amount, with the delivery certificate (交付凭证) it rests on.
 * {@code recordId} is the provider's own id for the record and the key of idempotent intake.
 */
public record UsageRecord(String recordId, UUID allocationId, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                          BigDecimal units, Long unitPriceFen, Long amountFen, String deliveryCertificateRef) {

    public static final int MAX_RECORD_ID_LENGTH = 128;
    public static final int MAX_REFERENCE_LENGTH = 256;

    /** Times are kept to the microsecond, as the database stores them. */
    public UsageRecord {
        periodStart = periodStart == null ? null : periodStart.truncatedTo(ChronoUnit.MICROS);
        periodEnd = periodEnd == null ? null : periodEnd.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The intake rules that need nothing but the record and the time, in this order (the first that fails decides):
     * complete (INCOMPLETE_RECORD), within the field lengths (INVALID_RECORD), {@link UsageUnits},
     * {@link UsageAmount} (price, then amount = units × unit price rounded half-up to the fen) and
     * {@link UsagePeriod} (a past period of at most 31 days).
     */
    public Optional<Rejection> check(OffsetDateTime now) {
        List<String> missing = new ArrayList<>();
        if (recordId == null || recordId.isBlank()) {
            missing.add("recordId");
        }
        if (allocationId == null) {
            missing.add("allocationId");
        }
        if (periodStart == null) {
            missing.add("periodStart");
        }
        if (periodEnd == null) {
            missing.add("periodEnd");
        }
        if (units == null) {
            missing.add("units");
        }
        if (unitPriceFen == null) {
            missing.add("unitPriceFen");
        }
        if (amountFen == null) {
            missing.add("amountFen");
        }
        if (deliveryCertificateRef == null || deliveryCertificateRef.isBlank()) {
            missing.add("deliveryCertificateRef");
        }
        if (!missing.isEmpty()) {
            return Optional.of(Rejection.of("INCOMPLETE_RECORD",
                    "Missing fields: " + String.join(", ", missing), "缺少字段：" + String.join("、", missing)));
        }
        if (recordId.length() > MAX_RECORD_ID_LENGTH || deliveryCertificateRef.length() > MAX_REFERENCE_LENGTH) {
            return Optional.of(Rejection.of("INVALID_RECORD",
                    "recordId may have at most " + MAX_RECORD_ID_LENGTH + " characters and deliveryCertificateRef "
                            + MAX_REFERENCE_LENGTH,
                    "recordId 最多 " + MAX_RECORD_ID_LENGTH + " 个字符，deliveryCertificateRef 最多 "
                            + MAX_REFERENCE_LENGTH + " 个字符"));
        }
        Optional<Rejection> invalid = UsageUnits.check(units);
        if (invalid.isEmpty()) {
            invalid = UsageAmount.check(units, unitPriceFen, amountFen);
        }
        if (invalid.isEmpty()) {
            invalid = UsagePeriod.check(periodStart, periodEnd, now);
        }
        return invalid;
    }

    /** units × unitPriceFen, rounded half-up to the fen. */
    public long expectedAmountFen() {
        return UsageAmount.expectedFen(units, unitPriceFen);
    }

    /** units as the events carry them: a plain decimal string without trailing zeros, e.g. "12.5". */
    public String unitsText() {
        return UsageUnits.text(units);
    }

    /** usage.reported.v1 for this record, stored as usage report {@code usageReportId} of the provider. */
    public UsageEvents.UsageReportedV1 reported(UUID usageReportId, int version, UUID correctsUsageReportId,
                                                UUID providerId) {
        return new UsageEvents.UsageReportedV1(usageReportId, version, correctsUsageReportId, providerId, allocationId,
                recordId, periodStart, periodEnd, unitsText(), unitPriceFen, amountFen, deliveryCertificateRef);
    }

    /**
     * A digest of everything the record says. A replay with the same fingerprint is the same record
     * (answered as before); the same record id with another fingerprint is a conflict. Instants, not
     * offsets, and numbers, not their spelling, are compared.
     */
    public String fingerprint() {
        String canonical = String.join("|", String.valueOf(recordId), String.valueOf(allocationId),
                periodStart == null ? "null" : periodStart.toInstant().toString(),
                periodEnd == null ? "null" : periodEnd.toInstant().toString(),
                units == null ? "null" : unitsText(),
                String.valueOf(unitPriceFen), String.valueOf(amountFen), String.valueOf(deliveryCertificateRef));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Why a record was refused, with a stable code and both languages. */
    public record Rejection(String code, String messageEn, String messageZh) {
        public static Rejection of(String code, String messageEn, String messageZh) {
            return new Rejection(code, messageEn, messageZh);
        }
    }
}
