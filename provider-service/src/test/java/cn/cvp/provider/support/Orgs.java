package cn.cvp.provider.support;

/** Organisations (统一社会信用代码, valid check characters) the tests act for. */
public final class Orgs {
    /** The demo provider of the local stack. */
    public static final String PROVIDER_DEMO = "91110105MA03PRD108";
    /** Another provider, for tenant isolation. */
    public static final String PROVIDER_OTHER = "91310104MA04PRD2XL";
    /** Fresh organisations for registration tests, one per test. */
    public static final String NEW_1 = "91110108MA05REG01U";
    public static final String NEW_2 = "91110108MA05REG02Y";
    public static final String NEW_3 = "91110108MA05REG032";
    public static final String NEW_4 = "91310115MA05REG04N";
    public static final String NEW_5 = "91110108MA05REG058";
    public static final String NEW_6 = "91440300MA05REG06J";
    public static final String NEW_7 = "91110108MA05REG07E";
    public static final String NEW_8 = "91110108MA05REG09L";
    /** Organisations for the accreditation lifecycle tests. */
    public static final String LIFECYCLE_1 = "91110108MA06LCY01Q";
    public static final String LIFECYCLE_2 = "91110108MA06LCY02U";
    public static final String LIFECYCLE_3 = "91110108MA06LCY03Y";
    public static final String LIFECYCLE_4 = "91110108MA06LCY042";
    public static final String LIFECYCLE_5 = "91110108MA06LCY055";
    public static final String LIFECYCLE_6 = "91110108MA06LCY068";
    public static final String LIFECYCLE_7 = "91110108MA06LCY07B";
    public static final String LIFECYCLE_8 = "91110108MA06LCY08E";
    /** Organisations for the programme-criteria tests. */
    public static final String CRITERIA_1 = "91110108MA07CRT01L";
    public static final String CRITERIA_2 = "91110108MA07CRT02P";
    public static final String CRITERIA_3 = "91110108MA07CRT03T";
    /** NEW_2 with a wrong check character. */
    public static final String BAD_CHECKSUM = "91110108MA05REG02A";

    private Orgs() {
    }
}
