package cn.cvp.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Writes and reads CloudEvents 1.0 structured JSON (the CloudEvents SDK does the envelope). */
@ApplicationScoped
public class EventCodec {

    private static final EventFormat FORMAT = new JsonFormat();
    private final ObjectMapper mapper;

    /** Tolerant reader: a consumer ignores fields a producer's newer version added (requests are strict). */
    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String encode(String id, String source, String type, String subject, OffsetDateTime time, String dataJson) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(dataJson.getBytes(StandardCharsets.UTF_8))
                .build();
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    public EventEnvelope decode(String json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null || envelope.data() == null) {
                throw new MalformedEventException("not a CloudEvent with id, type and data");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("unreadable event: " + e.getOriginalMessage());
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("unreadable data of " + envelope.type() + ": " + e.getOriginalMessage());
        }
    }

    public String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
