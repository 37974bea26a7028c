package cn.cvp.voucher.testing;

import cn.cvp.kit.creditcode.CreditCode;
import cn.cvp.voucher.settlement.application.RecordProvider;
import io.quarkus.arc.Arc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The partner provider the tests' contract-first contracts are signed with (Beijing's contract binds the provider):
 * made known to voucher-service on the path provider.events take ({@link RecordProvider}, what the consumer calls),
 * as an ACTIVE provider related to nobody and a member of every programme the tests admitted it to.
 */
public final class Partners {
    /** A Beijing (110105) provider's 统一社会信用代码; not the provider-service example's, which settlement tests reuse. */
    public static final String CREDIT_CODE = creditCode("91110105MA0PARTN0");
    public static final UUID PROVIDER_ID = UUID.fromString("7a6e0d1c-5b4a-4f3e-9d2c-1b0a9f8e7d6c");
    public static final String NAME = "京测算力合作机构有限公司";

    private static final Set<String> PROGRAMMES = new LinkedHashSet<>(List.of("BJ-AICV"));

    private Partners() {
    }

    /** Makes the partner an ACTIVE member of Beijing's programme (BJ-AICV) and of {@code programmeCode}. */
    public static synchronized void admit(String programmeCode) {
        PROGRAMMES.add(programmeCode);
        record("ACTIVE", List.copyOf(PROGRAMMES), List.of());
    }

    /** Makes the partner an ACTIVE member of Beijing's programme (BJ-AICV). */
    public static void admitToBeijing() {
        admit("BJ-AICV");
    }

    /** A provider as provider.status-changed.v1 would announce it, recorded as the consumer records it. */
    public static void record(UUID providerId, String creditCode, String name, String status, List<String> programmes,
                              List<String> relatedParties) {
        Arc.container().instance(RecordProvider.class).get().record(new RecordProvider.Command(
                UUID.randomUUID().toString(), providerId, creditCode, name, status, programmes, relatedParties));
    }

    private static void record(String status, List<String> programmes, List<String> relatedParties) {
        record(PROVIDER_ID, CREDIT_CODE, NAME, status, programmes, relatedParties);
    }

    /** A valid 统一社会信用代码: the 17 characters given and their check character. */
    public static String creditCode(String first17) {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (CreditCode.isValid(first17 + c)) {
                return first17 + c;
            }
        }
        throw new IllegalStateException("no check character for " + first17);
    }
}
