package cn.cvp.voucher.support;

/** This service's name where others see it: event consumers, the dead-letter topic, the system actor. */
public final class Service {
    public static final String NAME = "voucher-service";
    /** Where the consumers put what they cannot apply, with the reason. */
    public static final String DEAD_LETTER_TOPIC = "voucher-service.dlq";

    private Service() {
    }
}
