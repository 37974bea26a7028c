package cn.cvp.provider.usage.domain;

/**
 * A usage batch carries at most {@code max} records ({@code cvp.usage.max-batch-size}, 1,000 by default); a larger
 * one is refused as a whole before any record is looked at (413 BATCH_TOO_LARGE, with the limit and the size).
 */
public record BatchSizeLimit(int max) {
    public static final int DEFAULT = 1_000;

    /** Whether a batch of this many records may be taken in. */
    public boolean admits(int records) {
        return records <= max;
    }
}
