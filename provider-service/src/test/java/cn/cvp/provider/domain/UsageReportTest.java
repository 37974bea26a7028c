package cn.cvp.provider.domain;

import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageReportTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    static UsageReport received() {
        UsageReport r = new UsageReport();
        r.status = UsageReportStatus.RECEIVED;
        return r;
    }

    @Test
    void anAcceptanceIsRecordedOnce() {
        UsageReport r = received();
        assertThat(r.accept(BigDecimal.TEN, 12_000, 2_400, List.of("NIGHT_SPIKE"), NOW)).isTrue();
        assertThat(r.status).isEqualTo(UsageReportStatus.ACCEPTED);
        assertThat(r.subsidyFen).isEqualTo(2_400);
        assertThat(r.accept(BigDecimal.TEN, 12_000, 2_400, List.of(), NOW.plusHours(1))).isFalse();
        assertThat(r.decidedAt).isEqualTo(NOW);
        assertThat(r.flags).containsExactly("NIGHT_SPIKE");
    }

    @Test
    void aRejectionKeepsItsReason() {
        UsageReport r = received();
        assertThat(r.reject("OUTSIDE_WINDOW", "ended 2026-11-01", NOW)).isTrue();
        assertThat(r.status).isEqualTo(UsageReportStatus.REJECTED);
        assertThat(r.rejectionReason).isEqualTo("OUTSIDE_WINDOW");
        assertThat(r.reject("OUTSIDE_WINDOW", "again", NOW)).isFalse();
        assertThat(r.rejectionDetail).isEqualTo("ended 2026-11-01");
    }

    @Test
    void aDecisionIsNeverReversed() {
        UsageReport accepted = received();
        accepted.accept(BigDecimal.ONE, 100, 20, List.of(), NOW);
        assertThatThrownBy(() -> accepted.reject("LATE", null, NOW)).isInstanceOf(ProblemException.class);
        assertThat(accepted.status).isEqualTo(UsageReportStatus.ACCEPTED);

        UsageReport rejected = received();
        rejected.reject("LATE", null, NOW);
        assertThatThrownBy(() -> rejected.accept(BigDecimal.ONE, 100, 20, List.of(), NOW))
                .isInstanceOf(ProblemException.class);
        assertThat(rejected.status).isEqualTo(UsageReportStatus.REJECTED);
    }
}
