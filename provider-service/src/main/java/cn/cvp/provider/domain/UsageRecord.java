package cn.cvp.provider.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
    public static final int MAX_UNIT_SCALE = 3;
    public static final BigDecimal MAX_UNITS = new BigDecimal("100000000");
    public static final long MAX_UNIT_PRICE_FEN = 10_000_000L;
    public static final Duration MAX_PERIOD = Duration.ofDays(31);

    /** Times are kept to the microsecond, as the database stores them. */
    public UsageRecord {
        periodStart = periodStart == null ? null : periodStart.truncatedTo(ChronoUnit.MICROS);
        periodEnd = periodEnd == null ? null : periodEnd.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The intake rules that need nothing but the record and the time: complete, positive, consistent
     * (amount = units × unit price, rounded half-up to the fen), for a past period of at most 31 days.
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
        if (units.signum() <= 0 || units.compareTo(MAX_UNITS) > 0) {
            return Optional.of(Rejection.of("INVALID_UNITS",
                    "units must be more than 0 and at most " + MAX_UNITS.toPlainString() + " card-hours",
                    "units 必须大于 0 且不超过 " + MAX_UNITS.toPlainString() + " 卡时"));
        }
        if (units.stripTrailingZeros().scale() > MAX_UNIT_SCALE) {
            return Optional.of(Rejection.of("INVALID_UNITS",
                    "units may have at most " + MAX_UNIT_SCALE + " decimal places",
                    "units 最多保留 " + MAX_UNIT_SCALE + " 位小数"));
        }
        if (unitPriceFen <= 0 || unitPriceFen > MAX_UNIT_PRICE_FEN) {
            return Optional.of(Rejection.of("INVALID_PRICE",
                    "unitPriceFen must be more than 0 and at most " + MAX_UNIT_PRICE_FEN,
                    "unitPriceFen 必须大于 0 且不超过 " + MAX_UNIT_PRICE_FEN));
        }
        long expected = expectedAmountFen();
        if (amountFen <= 0 || amountFen != expected) {
            return Optional.of(Rejection.of("AMOUNT_MISMATCH",
                    "amountFen must be units × unitPriceFen rounded half-up to the fen: expected " + expected
                            + ", got " + amountFen,
                    "amountFen 必须等于 units × unitPriceFen（四舍五入到分）：应为 " + expected + "，实为 " + amountFen));
        }
        if (!periodEnd.isAfter(periodStart)) {
            return Optional.of(Rejection.of("INVALID_PERIOD", "periodEnd must be after periodStart",
                    "periodEnd 必须晚于 periodStart"));
        }
        if (periodEnd.isAfter(now)) {
            return Optional.of(Rejection.of("INVALID_PERIOD", "periodEnd must not be in the future",
                    "periodEnd 不能晚于当前时间"));
        }
        if (Duration.between(periodStart, periodEnd).compareTo(MAX_PERIOD) > 0) {
            return Optional.of(Rejection.of("INVALID_PERIOD", "a record may cover at most 31 days",
                    "单条记录的计量周期不得超过 31 天"));
        }
        return Optional.empty();
    }

    /** units × unitPriceFen, rounded half-up to the fen. */
    public long expectedAmountFen() {
        return units.multiply(BigDecimal.valueOf(unitPriceFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** units as the events carry them: a plain decimal string without trailing zeros, e.g. "12.5". */
    public String unitsText() {
        return units.stripTrailingZeros().toPlainString();
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
