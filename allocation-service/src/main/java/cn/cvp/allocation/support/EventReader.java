package cn.cvp.allocation.support;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decodes an incoming CloudEvent and its data into this service's own tolerant record, then checks the
 * fields it relies on (Bean Validation on the record). Anything unreadable becomes a
 * {@link MalformedEventException}, which sends the message to the dead-letter topic.
 */
@ApplicationScoped
public class EventReader {

    private final EventCodec codec;
    private final Validator validator;

    public EventReader(EventCodec codec, Validator validator) {
        this.codec = codec;
        this.validator = validator;
    }

    public EventEnvelope envelope(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        return codec.decode(payload);
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        T data = codec.data(envelope, type);
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            String problems = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new MalformedEventException("invalid data of " + envelope.type() + " " + envelope.id() + ": " + problems);
        }
        return data;
    }
}
