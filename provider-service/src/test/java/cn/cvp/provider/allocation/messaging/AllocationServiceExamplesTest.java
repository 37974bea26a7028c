package cn.cvp.provider.allocation.messaging;

import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.allocation.events.AllocationEvents;
import cn.cvp.provider.usage.events.UsageDecisionEvents;
import cn.cvp.provider.support.Db;
import cn.cvp.provider.support.Fixtures;
import cn.cvp.provider.support.KafkaTopics;
import cn.cvp.provider.support.Orgs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer contract: provider-service reads allocation-service's own example of every allocation.events
 * type it consumes (allocation-service/src/main/resources/events/&lt;type&gt;.example.json). The examples
 * are read from the producer's module, never copied here.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class AllocationServiceExamplesTest {
    static final Path PRODUCER_EVENTS = Path.of("../allocation-service/src/main/resources/events");
    static final List<String> CONSUMED = List.of(AllocationEvents.CREATED, AllocationEvents.HELD,
            AllocationEvents.CANCELLED, UsageDecisionEvents.ACCEPTED, UsageDecisionEvents.REJECTED);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EventCodec codec;
    @Inject
    Fixtures fixtures;
    @Inject
    Db db;

    /** The producer's example: a whole CloudEvent, or (tolerated) just its data. */
    static ObjectNode example(String type) {
        Path file = PRODUCER_EVENTS.resolve(type + ".example.json");
        assertThat(file).as("allocation-service's example of %s", type).exists();
        try {
            JsonNode json = MAPPER.readTree(Files.readString(file));
            if (json.has("specversion")) {
                return (ObjectNode) json;
            }
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                    .put("source", "/allocation-service").put("type", type).put("subject", "example")
                    .put("time", "2026-11-22T10:00:00+08:00").put("datacontenttype", "application/json");
            envelope.set("data", json);
            return envelope;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @Test
    void readsEveryExampleWithTheFieldsItReliesOn() {
        EventEnvelope created = codec.decode(example(AllocationEvents.CREATED).toString());
        assertThat(created.type()).isEqualTo(AllocationEvents.CREATED);
        AllocationEvents.AllocationCreatedV1 c = codec.data(created, AllocationEvents.AllocationCreatedV1.class);
        assertThat(c.allocationId()).isNotNull();
        assertThat(c.providerId()).isNotNull();
        assertThat(c.voucherId()).isNotNull();
        assertThat(c.cardHours()).isPositive();
        assertThat(c.unitPriceFen()).isPositive();
        assertThat(c.amountFen()).isEqualTo(c.cardHours() * c.unitPriceFen());
        assertThat(c.windowEnd()).isAfter(c.windowStart());

        AllocationEvents.AllocationHeldV1 h = codec.data(codec.decode(example(AllocationEvents.HELD).toString()),
                AllocationEvents.AllocationHeldV1.class);
        assertThat(h.allocationId()).isNotNull();
        assertThat(h.holdFen()).isNotNull();

        AllocationEvents.AllocationCancelledV1 x = codec.data(codec.decode(example(AllocationEvents.CANCELLED).toString()),
                AllocationEvents.AllocationCancelledV1.class);
        assertThat(x.allocationId()).isNotNull();
        assertThat(x.reason()).isNotBlank();

        AllocationEvents.AllocationCompletedV1 done = codec.data(
                codec.decode(example(AllocationEvents.COMPLETED).toString()), AllocationEvents.AllocationCompletedV1.class);
        assertThat(done.allocationId()).isNotNull();
        assertThat(done.reason()).isNotBlank();

        UsageDecisionEvents.UsageAcceptedV1 a = codec.data(codec.decode(example(UsageDecisionEvents.ACCEPTED).toString()),
                UsageDecisionEvents.UsageAcceptedV1.class);
        assertThat(a.usageReportId()).isNotNull();
        assertThat(a.units()).isPositive();
        assertThat(a.amountFen()).isNotNull();
        assertThat(a.subsidyFen()).isNotNull();

        UsageDecisionEvents.UsageRejectedV1 r = codec.data(codec.decode(example(UsageDecisionEvents.REJECTED).toString()),
                UsageDecisionEvents.UsageRejectedV1.class);
        assertThat(r.usageReportId()).isNotNull();
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void appliesTheExamplesArrivingThroughTheBroker() {
        UUID providerId = fixtures.active(Orgs.PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        // the examples' own ids are rewritten to a fresh allocation of a known provider, so one run
        // does not collide with another; every other field is the producer's
        ObjectNode created = forAllocation(example(AllocationEvents.CREATED), allocationId, providerId);
        KafkaTopics.send("allocation.events", allocationId.toString(), created.toString());
        KafkaTopics.send("allocation.events", allocationId.toString(),
                forAllocation(example(AllocationEvents.HELD), allocationId, providerId).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "select status from provider_allocation where allocation_id = ?", allocationId).contains("HELD"));
        assertThat(db.strings("select card_hours::text from provider_allocation where allocation_id = ?", allocationId))
                .containsExactly(created.at("/data/cardHours").asText());

        UUID accepted = fixtures.reportedUsage(providerId, allocationId);
        UUID rejected = fixtures.reportedUsage(providerId, allocationId);
        ObjectNode acceptance = forAllocation(example(UsageDecisionEvents.ACCEPTED), allocationId, providerId);
        ((ObjectNode) acceptance.get("data")).put("usageReportId", accepted.toString());
        ObjectNode rejection = forAllocation(example(UsageDecisionEvents.REJECTED), allocationId, providerId);
        ((ObjectNode) rejection.get("data")).put("usageReportId", rejected.toString());
        KafkaTopics.send("allocation.events", allocationId.toString(), acceptance.toString());
        KafkaTopics.send("allocation.events", allocationId.toString(), rejection.toString());
        KafkaTopics.send("allocation.events", allocationId.toString(),
                forAllocation(example(AllocationEvents.CANCELLED), allocationId, providerId).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "select status from provider_allocation where allocation_id = ?", allocationId).contains("CANCELLED"));

        assertThat(db.strings("select status from usage_report where id = ?", accepted)).containsExactly("ACCEPTED");
        assertThat(db.strings("select rejection_reason from usage_report where id = ?", rejected))
                .containsExactly(rejection.at("/data/reason").asText());
    }

    @Test
    void aCompletedAllocationTakesNoMoreUsage() {
        UUID providerId = fixtures.active(Orgs.PROVIDER_DEMO);
        UUID allocationId = UUID.randomUUID();
        KafkaTopics.send("allocation.events", allocationId.toString(),
                forAllocation(example(AllocationEvents.CREATED), allocationId, providerId).toString());
        KafkaTopics.send("allocation.events", allocationId.toString(),
                forAllocation(example(AllocationEvents.HELD), allocationId, providerId).toString());
        KafkaTopics.send("allocation.events", allocationId.toString(),
                forAllocation(example(AllocationEvents.COMPLETED), allocationId, providerId).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.strings(
                "select status from provider_allocation where allocation_id = ?", allocationId).contains("COMPLETED"));
        assertThat(db.count("select count(*) from audit_log where action = 'ALLOCATION_COMPLETED' and target_id = ?",
                allocationId.toString())).isEqualTo(1);
    }

    private static ObjectNode forAllocation(ObjectNode example, UUID allocationId, UUID providerId) {
        ObjectNode event = example.deepCopy();
        event.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("allocationId", allocationId.toString());
        if (data.has("providerId")) {
            data.put("providerId", providerId.toString());
        }
        return event;
    }
}
