package cn.cvp.kit.events;

/** An event a consumer cannot read; it goes to the consumer's dead-letter topic with this reason. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
