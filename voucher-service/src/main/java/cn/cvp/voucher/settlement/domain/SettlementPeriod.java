package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.ProgrammeRules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A settlement period in the programme's cycle: {@code 2026-11} (monthly) or {@code 2026-Q4} (quarterly). */
public record SettlementPeriod(LocalDate start, LocalDate end) {

    /** The period of the cycle that contains this day. */
    public static SettlementPeriod containing(LocalDate day, ProgrammeRules.SettlementCycle cycle) {
        YearMonth first = cycle == ProgrammeRules.SettlementCycle.MONTHLY ? YearMonth.from(day)
                : YearMonth.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1);
        YearMonth last = cycle == ProgrammeRules.SettlementCycle.MONTHLY ? first : first.plusMonths(2);
        return new SettlementPeriod(first.atDay(1), last.atEndOfMonth());
    }

    /** Whether the period is over on this day (its last day has passed). */
    public boolean endedBy(LocalDate today) {
        return today.isAfter(end);
    }

    /** The period as the API names it: {@code 2026-11} for a month, {@code 2026-Q4} for a quarter. */
    public String label() {
        if (start.getMonth() == end.getMonth() && start.getYear() == end.getYear()) {
            return YearMonth.from(start).toString();
        }
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static SettlementPeriod parse(String period, ProgrammeRules.SettlementCycle cycle) {
        Matcher m = MONTH.matcher(period == null ? "" : period);
        Matcher q = QUARTER.matcher(period == null ? "" : period);
        if (cycle == ProgrammeRules.SettlementCycle.MONTHLY && m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
                return new SettlementPeriod(ym.atDay(1), ym.atEndOfMonth());
            }
        }
        if (cycle == ProgrammeRules.SettlementCycle.QUARTERLY && q.matches()) {
            int quarter = Integer.parseInt(q.group(2));
            YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (quarter - 1) * 3 + 1);
            return new SettlementPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        String expected = cycle == ProgrammeRules.SettlementCycle.MONTHLY ? "YYYY-MM" : "YYYY-Qn";
        throw DomainException.invalid("PERIOD_NOT_IN_CYCLE",
                "The programme settles " + cycle.name().toLowerCase() + "; give the period as " + expected,
                "本项目按" + (cycle == ProgrammeRules.SettlementCycle.MONTHLY ? "月" : "季度") + "结算，期间格式应为 " + expected);
    }
}
