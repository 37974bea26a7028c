package cn.cvp.voucher.programme.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The subsidy ratio (补贴比例) and what it pays. The ratio is the programme's base ratio, raised to the startup ratio
 * for a startup and to the domestic-chip ratio for a domestic-chip resource class, whichever is highest (a tier never
 * lowers it). The subsidy of an amount is ratio × amount, rounded down to the fen: the programme never pays more than
 * its ratio. voucher-service decides the ratio once, at approval; it travels in {@code voucher.issued.v1}
 * ({@code subsidyRatio}) so that nobody computes it again.
 */
public record Subsidy(BigDecimal ratio) {

    /** The ratio that applies to an enterprise (startup or not) and a resource class under these rules. */
    public static Subsidy under(ProgrammeRules rules, boolean startup, ResourceClass resourceClass) {
        BigDecimal ratio = rules.subsidyRatio();
        if (rules.startupSubsidyRatio() != null && startup && rules.startupSubsidyRatio().compareTo(ratio) > 0) {
            ratio = rules.startupSubsidyRatio();
        }
        if (rules.domesticChipSubsidyRatio() != null && resourceClass.domesticChip()
                && rules.domesticChipSubsidyRatio().compareTo(ratio) > 0) {
            ratio = rules.domesticChipSubsidyRatio();
        }
        return new Subsidy(ratio);
    }

    /** ratio × amount, rounded down to the fen. */
    public long of(long amountFen) {
        return ratio.multiply(BigDecimal.valueOf(amountFen)).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
