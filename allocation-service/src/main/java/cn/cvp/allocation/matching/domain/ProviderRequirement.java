package cn.cvp.allocation.matching.domain;

/** What a programme requires of the provider a voucher may be spent with. */
public enum ProviderRequirement {
    /** Beijing: a member of the compute-partner programme (算力伙伴) of the voucher's programme. */
    PARTNER_PROGRAMME,
    /** Shanghai: a listed service institution (服务机构) of the voucher's programme. */
    LISTED_INSTITUTION,
    /** Shanghai: privately invested (民间投资). */
    PRIVATELY_INVESTED
}
