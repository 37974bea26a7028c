package cn.cvp.allocation.support;

/** The topic allocation-service publishes to and the name it records processed events under. */
public final class Topics {
    public static final String ALLOCATION_EVENTS = "allocation.events";
    /** The consumer name in {@code processed_event}: event ids are UUIDs, one log for all three channels. */
    public static final String CONSUMER = "allocation-service";
    public static final String SERVICE = "allocation-service";

    private Topics() {
    }
}
