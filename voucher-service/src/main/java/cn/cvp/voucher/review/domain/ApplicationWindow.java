package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Refusal;

import java.time.LocalDate;
import java.util.Optional;

/** The programme's application window (申报时间): applications are submitted within it, both days included. */
public final class ApplicationWindow {
    private ApplicationWindow() {
    }

    public static Optional<Refusal> check(ProgrammeRules rules, LocalDate today) {
        if (rules.applicationWindowStart() != null && today.isBefore(rules.applicationWindowStart())
                || rules.applicationWindowEnd() != null && today.isAfter(rules.applicationWindowEnd())) {
            return Optional.of(new Refusal("WINDOW_CLOSED",
                    "The programme accepts applications from " + rules.applicationWindowStart() + " to " + rules.applicationWindowEnd(),
                    "项目申报时间为 " + rules.applicationWindowStart() + " 至 " + rules.applicationWindowEnd()));
        }
        return Optional.empty();
    }
}
