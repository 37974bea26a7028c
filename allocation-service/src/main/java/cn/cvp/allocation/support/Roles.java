package cn.cvp.allocation.support;

/** Realm roles of compute-voucher (deploy/keycloak/compute-voucher-realm.json). */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
