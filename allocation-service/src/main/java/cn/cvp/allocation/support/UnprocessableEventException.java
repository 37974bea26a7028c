package cn.cvp.allocation.support;

/**
 * A readable event this service cannot apply (it names an allocation we never made, or asks for a
 * transition the allocation's state forbids). Retrying cannot help: the consumer sends it to the
 * dead-letter topic with this message as the reason.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }
}
