package cn.cvp.provider.support;

import cn.cvp.kit.security.Actor;

/** provider-service's own name, and the actor it records for what it does by itself (jobs, events). */
public final class Service {
    public static final String NAME = "provider-service";
    /** Who the audit log names for changes the service makes by itself. */
    public static final Actor SYSTEM = Actor.system(NAME);

    private Service() {
    }
}
