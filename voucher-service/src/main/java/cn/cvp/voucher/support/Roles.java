package cn.cvp.voucher.support;

import cn.cvp.kit.security.Caller;

/** Realm roles of the compute-voucher realm (see the design's security section). */
public final class Roles {
    public static final String ENTERPRISE = "enterprise";
    public static final String PROVIDER = "provider";
    public static final String REVIEWER = "reviewer";
    public static final String APPROVER = "approver";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "platform-admin";

    private Roles() {
    }

    /** Programme-office staff see every organisation's data (read-only for auditors). */
    public static boolean isStaff(Caller caller) {
        return caller.hasRole(REVIEWER) || caller.hasRole(APPROVER) || caller.hasRole(AUDITOR) || caller.hasRole(ADMIN);
    }
}
