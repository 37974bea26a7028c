package cn.cvp.provider.api;

/** Realm roles of the compute-voucher realm (DESIGN.md §7). */
public final class Roles {
    public static final String PROVIDER = "provider";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "platform-admin";

    private Roles() {
    }
}
