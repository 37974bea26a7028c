package cn.cvp.allocation.usage.domain;

import java.util.List;

/**
 * The decision on one usage report.
 *
 * @param subsidyFen what voucher-service should capture from the hold (accepted reports only)
 * @param flags      fraud-rule codes that did not block acceptance
 */
public record UsageVerdict(boolean accepted, UsageRejection reason, String detail, long subsidyFen, List<String> flags) {

    public static UsageVerdict accept(long subsidyFen, List<String> flags) {
        return new UsageVerdict(true, null, null, subsidyFen, List.copyOf(flags));
    }

    public static UsageVerdict reject(UsageRejection reason, String detail) {
        return new UsageVerdict(false, reason, detail, 0, List.of());
    }

    /** A rejection an administrator should also review (e.g. usage reported on a frozen voucher). */
    public static UsageVerdict reject(UsageRejection reason, String detail, List<String> flags) {
        return new UsageVerdict(false, reason, detail, 0, List.copyOf(flags));
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
