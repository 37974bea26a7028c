package cn.cvp.provider.support;

/** Realm roles of the compute-voucher realm. */
public final class Roles {
    public static final String PROVIDER = "provider";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "platform-admin";

    private Roles() {
    }
}
