package cn.cvp.provider.usage.domain;

import cn.cvp.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import static cn.cvp.provider.usage.domain.UsageReportStatus.ACCEPTED;
import static cn.cvp.provider.usage.domain.UsageReportStatus.RECEIVED;
import static cn.cvp.provider.usage.domain.UsageReportStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What allocation-service's decisions do to a usage report's status. */
class UsageReportStatusTest {

    @Test
    void a_received_report_is_decided_either_way() {
        assertThat(RECEIVED.changesTo(ACCEPTED)).isTrue();
        assertThat(RECEIVED.changesTo(REJECTED)).isTrue();
    }

    @Test
    void the_same_decision_again_changes_nothing() {
        assertThat(ACCEPTED.changesTo(ACCEPTED)).isFalse();
        assertThat(REJECTED.changesTo(REJECTED)).isFalse();
    }

    @Test
    void a_decision_is_never_reversed() {
        assertThatThrownBy(() -> ACCEPTED.changesTo(REJECTED)).isInstanceOf(DomainException.class)
                .hasMessageContaining("ACCEPTED and cannot be rejected");
        assertThatThrownBy(() -> REJECTED.changesTo(ACCEPTED)).isInstanceOf(DomainException.class)
                .hasMessageContaining("REJECTED and cannot be accepted");
    }
}
