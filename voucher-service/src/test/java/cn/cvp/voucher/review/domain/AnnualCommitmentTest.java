package cn.cvp.voucher.review.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual counter: what an ended voucher gives back never takes it below nothing. */
class AnnualCommitmentTest {

    @Test
    void anEndedVouchersUnspentValueStopsCounting() {
        AnnualCommitment c = new AnnualCommitment();
        c.commit(200_000_000L);
        c.reserve(5_000_000L);

        assertThat(c.giveBack(150_000_000L)).isEqualTo(150_000_000L);
        assertThat(c.committedFen()).isEqualTo(50_000_000L);
        assertThat(c.usedFen()).isEqualTo(55_000_000L);
    }

    @Test
    void moreThanWasCommittedOrANegativeAmountGivesBackOnlyWhatThereIs() {
        AnnualCommitment c = new AnnualCommitment();
        c.commit(1_000L);

        assertThat(c.giveBack(-5L)).isZero();
        assertThat(c.giveBack(5_000L)).isEqualTo(1_000L);
        assertThat(c.committedFen()).isZero();
    }
}
