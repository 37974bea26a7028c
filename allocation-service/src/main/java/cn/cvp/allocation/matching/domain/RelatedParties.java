package cn.cvp.allocation.matching.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The related-party rule (关联方): a voucher may not be spent with a provider related to the enterprise. They are
 * related either way round — the enterprise lists the provider (by credit code or by name), or the provider lists
 * the enterprise (by credit code) — or when they are the same legal person (the same credit code).
 *
 * <p>One enterprise's side is prepared once ({@link #of}) and then tested against many providers
 * ({@link #relatedTo}) without allocating: the matcher runs it for every candidate offering of every demand, and
 * usage validation again for the provider's standing as it is now.
 */
public final class RelatedParties {

    private final String enterpriseCreditCode;
    private final Set<String> enterpriseRelatedParties;
    private final boolean enterpriseListsAny;

    private RelatedParties(String enterpriseCreditCode, Set<String> enterpriseRelatedParties) {
        this.enterpriseCreditCode = enterpriseCreditCode;
        this.enterpriseRelatedParties = enterpriseRelatedParties;
        this.enterpriseListsAny = !enterpriseRelatedParties.isEmpty();
    }

    /**
     * @param enterpriseCreditCode     the enterprise's 统一社会信用代码 (null if unknown: then only its own list counts)
     * @param enterpriseRelatedParties the credit codes or names the enterprise declared as related parties
     */
    public static RelatedParties of(String enterpriseCreditCode, Collection<String> enterpriseRelatedParties) {
        return new RelatedParties(enterpriseCreditCode, Set.copyOf(enterpriseRelatedParties));
    }

    /**
     * Whether the enterprise and this provider are related parties.
     *
     * @param providerRelatedParties the credit codes the provider declared as related parties
     */
    public boolean relatedTo(String providerCreditCode, String providerName, Set<String> providerRelatedParties) {
        return relatedTo(providerCreditCode, providerName, providerRelatedParties, !providerRelatedParties.isEmpty());
    }

    /** {@link #relatedTo(String, String, Set)} for a provider whose related parties come as a list. */
    public boolean relatedTo(String providerCreditCode, String providerName, Collection<String> providerRelatedParties) {
        return relatedTo(providerCreditCode, providerName, Set.copyOf(providerRelatedParties));
    }

    /** Whether the enterprise and the provider behind an offering are related parties. */
    public boolean relatedTo(Supply.ProviderProfile provider) {
        return relatedTo(provider.creditCode(), provider.name(), provider.relatedParties());
    }

    /**
     * The rule itself. {@code providerListsAny} says whether {@code providerRelatedParties} is not empty: a caller
     * that tests the same providers against many enterprises (the matcher) works it out once per provider, so that
     * the common case — a provider that declared no related parties — never touches its set.
     */
    public boolean relatedTo(String providerCreditCode, String providerName, Set<String> providerRelatedParties,
                             boolean providerListsAny) {
        if (enterpriseListsAny && ((providerCreditCode != null && enterpriseRelatedParties.contains(providerCreditCode))
                || (providerName != null && enterpriseRelatedParties.contains(providerName)))) {
            return true;
        }
        if (enterpriseCreditCode == null) {
            return false;
        }
        return enterpriseCreditCode.equals(providerCreditCode)
                || (providerListsAny && providerRelatedParties.contains(enterpriseCreditCode));
    }
}
