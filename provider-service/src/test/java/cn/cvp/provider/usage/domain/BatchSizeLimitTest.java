package cn.cvp.provider.usage.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A usage batch carries at most the configured number of records (1,000 by default). */
class BatchSizeLimitTest {

    @Test
    void upToTheLimitIsTakenInAndOneMoreIsNot() {
        BatchSizeLimit limit = new BatchSizeLimit(BatchSizeLimit.DEFAULT);
        assertThat(limit.max()).isEqualTo(1_000);
        assertThat(limit.admits(1)).isTrue();
        assertThat(limit.admits(1_000)).isTrue();
        assertThat(limit.admits(1_001)).isFalse();
    }

    @Test
    void theLimitIsConfigurable() {
        assertThat(new BatchSizeLimit(10).admits(10)).isTrue();
        assertThat(new BatchSizeLimit(10).admits(11)).isFalse();
    }
}
