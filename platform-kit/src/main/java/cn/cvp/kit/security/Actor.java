package cn.cvp.kit.security;

/** Who did something, as recorded in the audit log: a token's user or a service reacting to an event. */
public record Actor(String subject, String username, String organisation) {
    public static Actor system(String service) {
        return new Actor("system:" + service, service, null);
    }
}
