package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.programme.domain.ResourceClass;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demand window ends after it starts and lasts at most 366 days. */
class DemandTest {

    private static Demand window(String start, String end) {
        return new Demand(ResourceClass.GPU_A800_80G, 10, List.of("110000"), OffsetDateTime.parse(start),
                OffsetDateTime.parse(end));
    }

    @Test
    void aWindowOfUpTo366DaysIsValid() {
        window("2026-01-01T00:00:00+08:00", "2027-01-02T00:00:00+08:00").requireValidWindow();
    }

    @Test
    void anEmptyBackwardsOrTooLongWindowIsInvalid() {
        for (Demand d : List.of(window("2026-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"),
                window("2026-02-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"),
                window("2026-01-01T00:00:00+08:00", "2027-01-03T00:00:00+08:00"))) {
            assertThatThrownBy(d::requireValidWindow).isInstanceOf(DomainException.class).satisfies(e -> {
                ProblemException answer = ProblemException.of((DomainException) e);
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("INVALID_WINDOW");
            });
        }
    }
}
