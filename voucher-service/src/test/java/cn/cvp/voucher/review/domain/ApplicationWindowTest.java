package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static org.assertj.core.api.Assertions.assertThat;

/** Beijing's example window: 2023-09-01 to 2027-12-31, both days included. */
class ApplicationWindowTest {

    @Test
    void bothDaysOfTheWindowAreIn() {
        assertThat(ApplicationWindow.check(beijing(), LocalDate.parse("2023-09-01"))).isEmpty();
        assertThat(ApplicationWindow.check(beijing(), LocalDate.parse("2027-12-31"))).isEmpty();
    }

    @Test
    void beforeOrAfterItIsClosed() {
        assertThat(ApplicationWindow.check(beijing(), LocalDate.parse("2023-08-31"))).map(Refusal::code)
                .contains("WINDOW_CLOSED");
        assertThat(ApplicationWindow.check(beijing(), LocalDate.parse("2028-01-01"))).map(Refusal::messageEn)
                .contains("The programme accepts applications from 2023-09-01 to 2027-12-31");
    }
}
