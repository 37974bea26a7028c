package cn.cvp.allocation.support;

import cn.cvp.kit.security.Caller;

/** Realm roles of compute-voucher (deploy/keycloak/compute-voucher-realm.json). */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String AUDITOR = "auditor";
    public static final String ENTERPRISE = "enterprise";

    private Roles() {
    }

    /**
     * Whose allocations the caller may see: null for staff (all of them), the enterprise's credit code (its
     * {@code org_id}) for an enterprise user; an enterprise token without an organisation is refused.
     */
    public static String enterpriseScope(Caller caller) {
        if (caller.hasRole(PLATFORM_ADMIN) || caller.hasRole(AUDITOR)) {
            return null;
        }
        return caller.requireOrganisation();
    }
}
