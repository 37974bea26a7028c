package cn.cvp.allocation.matching.domain;

/** Why an offering could not serve a demand. Stable codes: they appear in explanations. */
public enum Exclusion {
    OFFERING_NOT_PUBLISHED("the offering is not published (withdrawn)"),
    RESOURCE_CLASS_MISMATCH("the offering is of another resource class"),
    UNIT_NOT_SUPPORTED("the offering is not sold in the demand's unit (card-hours, core-hours or TB-months), or in a unit this service does not know"),
    REGION_NOT_ALLOWED("the offering's region is not among the voucher's regions"),
    WINDOW_NO_OVERLAP("the offering's availability does not overlap the demand window by a whole unit-period (an hour; a 30-day month for TB-months)"),
    PROVIDER_UNKNOWN("allocation-service has no record of the provider"),
    PROVIDER_NOT_ACTIVE("the provider is not accredited and active"),
    PROVIDER_NOT_IN_PROGRAMME("the provider is not a partner / listed institution of the voucher's programme"),
    PROVIDER_NOT_PRIVATELY_INVESTED("the programme requires a privately invested provider"),
    RELATED_PARTY("the provider and the enterprise are related parties"),
    NOT_CONTRACTED_PROVIDER("the voucher's contract binds it to another provider (contract first)"),
    NO_CAPACITY_LEFT("nothing is left of the offering in the demand window");

    private final String description;

    Exclusion(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
