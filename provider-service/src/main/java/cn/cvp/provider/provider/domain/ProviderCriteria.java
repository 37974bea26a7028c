package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The onboarding criteria a provider (算力服务机构) must meet to be listed (SH rules, usable by any programme): an
 * independent legal entity operating for at least two years, with a fixed site (固定场所). Checked at
 * self-assessment (自评), where the provider must also confirm both, and by the administrator's shortcut.
 * <p>
 * Published prices: the self-assessment names the provider's price list ({@code priceListRef}, required by the
 * request). Private investment (民间投资) is declared at registration and travels in the provider's events; which
 * programmes require it is decided where providers are matched to vouchers, not here.
 */
public final class ProviderCriteria {
    /** A legal entity operating for at least two years. */
    public static final int MIN_YEARS_OPERATING = 2;
    public static final String NOT_MET = "ACCREDITATION_CRITERIA_NOT_MET";

    private ProviderCriteria() {
    }

    /** The criteria a provider's registration does not meet, in English; empty when it meets them all. */
    public static List<String> unmet(int yearsOperating, String site) {
        List<String> unmet = new ArrayList<>();
        if (yearsOperating < MIN_YEARS_OPERATING) {
            unmet.add("operating for at least " + MIN_YEARS_OPERATING + " years (declared " + yearsOperating + ")");
        }
        if (site == null || site.isBlank()) {
            unmet.add("a fixed site");
        }
        return unmet;
    }

    /** The same, in Chinese. */
    public static List<String> unmetZh(int yearsOperating, String site) {
        List<String> unmet = new ArrayList<>();
        if (yearsOperating < MIN_YEARS_OPERATING) {
            unmet.add("成立满 " + MIN_YEARS_OPERATING + " 年（申报 " + yearsOperating + " 年）");
        }
        if (site == null || site.isBlank()) {
            unmet.add("有固定场所");
        }
        return unmet;
    }

    /** Refuses (ACCREDITATION_CRITERIA_NOT_MET, with the {@code unmet} criteria) a provider that does not meet them. */
    public static void require(int yearsOperating, String site) {
        List<String> unmet = unmet(yearsOperating, site);
        if (!unmet.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, NOT_MET,
                    "The provider does not meet the accreditation criteria: " + String.join("; ", unmet),
                    "服务机构不符合认定条件：" + String.join("；", unmetZh(yearsOperating, site)),
                    Map.of("unmet", unmet), List.of());
        }
    }

    /** The self-assessment must confirm an independent legal entity and a fixed site. */
    public static void requireConfirmed(boolean legalEntity, boolean fixedSite) {
        if (!legalEntity || !fixedSite) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, NOT_MET,
                    "The self-assessment must confirm an independent legal entity and a fixed site",
                    "自评须确认具有独立法人资格和固定场所",
                    Map.of("unmet", List.of("legal entity and fixed site confirmed")), List.of());
        }
    }
}
