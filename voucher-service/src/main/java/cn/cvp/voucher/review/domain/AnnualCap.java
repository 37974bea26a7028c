package cn.cvp.voucher.review.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Money;
import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * The per-enterprise annual cap (年度补贴上限, e.g. Beijing ¥2,000,000, Shanghai ¥300,000 and ¥100,000 for an incubated
 * team): what an enterprise has committed and reserved under a programme in one calendar year never exceeds the
 * programme's {@code annualCapFen} — its {@code teamAnnualCapFen} for a team, where the programme has one. A request
 * above what is left is capped to it ({@link FaceValue}); only a cap with nothing left refuses, at submission
 * ({@link #check}) and again at approval ({@link #leftOrRefuse}).
 */
public record AnnualCap(long capFen) {

    /** The cap that applies to this enterprise under these rules. */
    public static AnnualCap of(ProgrammeRules rules, Enterprise enterprise) {
        return new AnnualCap(enterprise.team() && rules.teamAnnualCapFen() != null
                ? rules.teamAnnualCapFen() : rules.annualCapFen());
    }

    /** What is left of the cap this year (never negative). */
    public long left(long usedFen) {
        return Math.max(0, capFen - usedFen);
    }

    /** At submission: refused only when nothing is left of the cap this year; less than the request caps it. */
    public Optional<Refusal> check(long usedFen) {
        if (left(usedFen) > 0) {
            return Optional.empty();
        }
        String left = Money.yuan(left(usedFen));
        return Optional.of(new Refusal("ANNUAL_CAP_EXCEEDED",
                "The annual cap is " + Money.yuan(capFen) + " yuan; " + left + " yuan is left this year",
                "年度补贴上限为 " + Money.yuan(capFen) + " 元，本年度剩余 " + left + " 元"));
    }

    /** At approval: what is left of the cap this year; refused when nothing is. */
    public long leftOrRefuse(long usedFen) {
        long left = capFen - usedFen;
        if (left <= 0) {
            throw DomainException.refused("ANNUAL_CAP_EXCEEDED",
                    "The enterprise has used its annual cap of " + Money.yuan(capFen) + " yuan",
                    "该企业已用完年度补贴上限 " + Money.yuan(capFen) + " 元");
        }
        return left;
    }
}
