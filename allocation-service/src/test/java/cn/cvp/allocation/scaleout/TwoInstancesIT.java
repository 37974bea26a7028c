package cn.cvp.allocation.scaleout;

import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out for real: two allocation-service <em>processes</em> (the packaged fast-jar, started twice) against one
 * PostgreSQL and one Kafka broker, consuming in the one consumer group {@code allocation-service} over topics of
 * {@value #PARTITIONS} partitions. Vouchers of one resource pool (more demand than capacity) arrive on every
 * partition; half-way through, one instance is killed with SIGKILL, its partitions move to the survivor, which
 * gets again what the dead one had processed but not yet committed (the killed instance commits its offsets rarely,
 * so that this redelivery is certain, not left to timing), and a few messages are sent twice on top. In the shared
 * database afterwards: no offering
 * over-reserved (each filled exactly to capacity), every voucher recorded once, its demand served or waitlisted
 * exactly once (nothing lost, nothing matched twice), one allocation.created.v1 per reservation, one
 * processed_event row per event, nothing dead-lettered, and every outbox event on allocation.events.
 * <p>
 * Needs the packaged service ({@code allocation.jar}, set by failsafe after {@code package}); each instance logs to
 * {@code target/scaleout-instance-<name>.log}.
 */
class TwoInstancesIT {

    private static final String GROUP = "allocation-service";
    private static final String CONSUMER = "allocation-service"; // processed_event.consumer (Topics.CONSUMER)
    private static final String PROVIDER_EVENTS = "provider.events";
    private static final String VOUCHER_EVENTS = "voucher.events";
    private static final String ALLOCATION_EVENTS = "allocation.events";
    private static final String DLQ = "allocation-service.dlq";
    private static final int PARTITIONS = 4;
    private static final List<String> CHANNELS = List.of("provider-events", "voucher-events", "usage-events");

    private static final int VOUCHERS = 120;
    private static final int BEFORE_KILL = 60;
    /** Units and prices of the pool's offerings; each spans Jan 1–11 (240 h), as do the vouchers' windows. */
    private static final int[] UNITS = {4, 3, 3};
    private static final long[] PRICES = {1500, 1600, 1700};
    private static final long WINDOW_HOURS = 240;

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final Path JAR = Path.of(System.getProperty("allocation.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Path LOGS = Path.of(System.getProperty("scaleout.logs", "target"));

    private static final EventCodec CODEC = new EventCodec(TestEvents.JSON);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static LocalInfraResource infra;
    private static Map<String, String> infraConfig;
    private static Admin admin;
    private static KafkaProducer<String, String> producer;
    private static Instance a;
    private static Instance b;

    private final List<Sent> sent = new ArrayList<>();

    @BeforeAll
    static void startInfrastructureAndTwoInstances() throws Exception {
        assertThat(JAR).as("the packaged service (run after `package`)").isRegularFile();
        long started = System.nanoTime();
        infra = new LocalInfraResource();
        infraConfig = infra.start();
        String bootstrap = infraConfig.get("kafka.bootstrap.servers");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(PROVIDER_EVENTS, VOUCHER_EVENTS, "usage.events", ALLOCATION_EVENTS)) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
        }
        topics.add(new NewTopic(DLQ, 1, (short) 1));
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());

        a = new Instance("a");
        a.start();
        a.awaitReady(); // Flyway migrates the empty database here; B starts on the migrated schema
        // b, the one to be killed, commits its consumed offsets rarely: whatever it processes before the kill is
        // delivered again to a (the worst case of at-least-once delivery, made certain instead of left to timing)
        b = new Instance("b", "-Dkafka.auto.commit.interval.ms=120000");
        b.start();
        b.awaitReady();
        System.out.printf("[scaleout] infrastructure and two instances up in %.1f s%n", seconds(started));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Instance i : new Instance[] {b, a}) {
            if (i != null) {
                i.stop();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (infra != null) {
            infra.stop();
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorOfAKillFinishesWithoutOverReservingLosingOrDoublingAnything()
            throws Exception {
        long scenarioStart = System.nanoTime();

        // 1. one consumer group, the voucher.events partitions spread over both instances
        Map<String, Set<TopicPartition>> spread = awaitVoucherPartitionsOf(Set.of("a", "b"));
        assertThat(spread.get("a")).as("voucher.events partitions of instance a").isNotEmpty();
        assertThat(spread.get("b")).as("voucher.events partitions of instance b").isNotEmpty();
        assertThat(union(spread.values())).containsExactlyInAnyOrderElementsOf(partitions(VOUCHER_EVENTS));
        System.out.printf("[scaleout] voucher.events partitions: a=%s b=%s%n", spread.get("a"), spread.get("b"));

        // 2. one pool: an active partner-programme provider and three offerings of one resource class
        String rc = TestEvents.uniqueResourceClass();
        UUID providerId = UUID.randomUUID();
        String creditCode = TestEvents.creditCode();
        publish(PROVIDER_EVENTS, "/provider-service", "provider.registered.v1", providerId.toString(),
                TestEvents.providerRegistered(providerId, creditCode, "算力伙伴 " + providerId, List.of()));
        publish(PROVIDER_EVENTS, "/provider-service", "provider.status-changed.v1", providerId.toString(),
                TestEvents.providerStatusChanged(providerId, creditCode, "ACTIVE", List.of(TestEvents.BJ), List.of()));
        Map<UUID, Long> expectedCapacity = new LinkedHashMap<>();
        for (int i = 0; i < UNITS.length; i++) {
            UUID offeringId = UUID.randomUUID();
            publish(PROVIDER_EVENTS, "/provider-service", "offering.published.v1", offeringId.toString(),
                    TestEvents.offeringPublished(offeringId, 1, providerId, rc, UNITS[i], PRICES[i],
                            TestEvents.JAN_1, TestEvents.JAN_11));
            expectedCapacity.put(offeringId, UNITS[i] * WINDOW_HOURS);
        }
        long capacity = expectedCapacity.values().stream().mapToLong(Long::longValue).sum();
        await("the market is known").atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(count("select count(*) from provider_standing where provider_id = ? and status = 'ACTIVE'",
                    providerId)).isOne();
            assertThat(count("select count(*) from offering where resource_class = ? and status = 'PUBLISHED'", rc))
                    .isEqualTo(UNITS.length);
        });
        assertThat(longsByUuid("select offering_id, capacity_unit_hours from offering where resource_class = ?", rc))
                .as("capacity = units × whole hours of the window").isEqualTo(expectedCapacity);

        // 3. the vouchers: random ids (keys on every partition), approval times increasing, demand > capacity
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<UUID, Long> demand = new LinkedHashMap<>();
        List<ObjectNode> issued = new ArrayList<>();
        OffsetDateTime approvals = TestEvents.JAN_1.minusDays(60);
        for (int i = 0; i < VOUCHERS; i++) {
            UUID voucherId = UUID.randomUUID();
            long cardHours = 10 + random.nextInt(41); // 10–50
            demand.put(voucherId, cardHours);
            issued.add(TestEvents.voucherIssued(voucherId, TestEvents.creditCode(), rc, cardHours,
                    approvals.plusMinutes(i)));
        }
        long totalDemand = demand.values().stream().mapToLong(Long::longValue).sum();
        assertThat(totalDemand).as("demand (seed %d) clearly exceeds capacity %d", seed, capacity)
                .isGreaterThan(capacity + capacity / 5);
        List<UUID> voucherIds = List.copyOf(demand.keySet());

        for (int i = 0; i < BEFORE_KILL; i++) {
            publishVoucher(voucherIds.get(i), issued.get(i));
        }

        // mid-way, kill B while it has processed events whose offsets it has not committed yet: they come again to A
        Set<TopicPartition> ofB = spread.get("b");
        await("a third of the vouchers matched, and instance b processed events it has not committed yet")
                .atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> processedVouchers() >= BEFORE_KILL / 3 && processedButNotCommitted(ofB) >= 5);
        long killedAt = System.nanoTime();
        b.kill();
        long redelivered = processedButNotCommitted(ofB);
        long processedBeforeKill = processedVouchers();
        System.out.printf("[scaleout] SIGKILL to instance b after %d of %d vouchers sent were matched; %d events b had "
                + "processed without committing their offsets will be delivered again%n", processedBeforeKill, BEFORE_KILL,
                redelivered);
        assertThat(redelivered).as("events processed by b, offsets not committed: redelivered to a")
                .isGreaterThanOrEqualTo(5);

        for (int i = BEFORE_KILL; i < VOUCHERS; i++) {
            publishVoucher(voucherIds.get(i), issued.get(i));
        }
        // and the very same messages again, as a producer retry or a replay would deliver them
        List<Sent> vouchersSent = sent.stream().filter(s -> s.topic().equals(VOUCHER_EVENTS)).toList();
        List<Sent> duplicates = List.of(vouchersSent.get(0), vouchersSent.get(BEFORE_KILL / 2),
                vouchersSent.get(BEFORE_KILL - 1), vouchersSent.get(VOUCHERS - 1));
        for (Sent again : duplicates) {
            send(again.topic(), again.key(), again.payload());
        }

        // 4. the survivor takes over every partition and consumes everything
        Map<String, Set<TopicPartition>> after = awaitVoucherPartitionsOf(Set.of("a"));
        double takeover = seconds(killedAt);
        assertThat(after.get("a")).as("the survivor has all voucher.events partitions")
                .containsExactlyInAnyOrderElementsOf(partitions(VOUCHER_EVENTS));
        assertThat(groupMembers()).as("members of the group after the kill").isNotEmpty()
                .allSatisfy(m -> assertThat(m.clientId()).startsWith("scaleout-a-"));
        await("everything on voucher.events and provider.events consumed and committed").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(lagOf(PROVIDER_EVENTS, VOUCHER_EVENTS)).isZero());
        await("the outbox relayed").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
        double scenario = seconds(scenarioStart);

        // 5. the shared database
        assertNoOfferingOverReservedAndAllFull(rc, expectedCapacity);
        assertEveryVoucherOnceWithItsDemandServedOrWaitlistedExactlyOnce(rc, demand);
        assertOneEventPerChange();
        assertThat(processedEventIds()).as("processed_event: one row per published event")
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Sent::eventId).collect(Collectors.toSet()));
        assertThat(endOffsets(List.of(new TopicPartition(DLQ, 0))).values()).as("dead letters").containsOnly(0L);
        assertThat(cloudEventIdsOn(ALLOCATION_EVENTS)).as("allocation.events carries every outbox event")
                .containsExactlyInAnyOrderElementsOf(strings("select event_id::text from outbox_event"));

        long proposed = count("select count(*) from allocation where status = 'PROPOSED'");
        long waitlisted = count("select count(*) from allocation where status = 'WAITLISTED'");
        System.out.printf("[scaleout] %d events (%d vouchers, seed %d, %d card-hours demand, capacity %d; %d duplicates sent), "
                        + "%d vouchers matched before the kill, %d events redelivered by the kill; survivor owned every "
                        + "partition %.1f s after the kill; %d reservations, %d vouchers waitlisted; scenario %.1f s%n",
                sent.size(), VOUCHERS, seed, totalDemand, capacity, duplicates.size(), processedBeforeKill, redelivered, takeover, proposed,
                waitlisted, scenario);
    }

    // --- assertions on the shared database -------------------------------------------------------------------

    private void assertNoOfferingOverReservedAndAllFull(String rc, Map<UUID, Long> expectedCapacity) throws SQLException {
        Map<UUID, Long> reserved = longsByUuid("select offering_id, reserved_unit_hours from offering where resource_class = ?", rc);
        Map<UUID, Long> reservedByAllocations = longsByUuid("""
                select o.offering_id, coalesce(sum(a.card_hours), 0) from offering o
                left join allocation a on a.offering_id = o.offering_id and a.status in ('PROPOSED', 'HELD', 'ACTIVE')
                where o.resource_class = ? group by o.offering_id""", rc);
        assertThat(reserved).as("reserved unit-hours of each offering").hasSameSizeAs(expectedCapacity);
        reserved.forEach((offering, r) -> assertThat(r).as("reserved of %s", offering)
                .isLessThanOrEqualTo(expectedCapacity.get(offering)));
        assertThat(reserved).as("every offering full: demand exceeds capacity").isEqualTo(expectedCapacity);
        assertThat(reserved).as("reserved = card-hours of the live allocations on it").isEqualTo(reservedByAllocations);
    }

    private void assertEveryVoucherOnceWithItsDemandServedOrWaitlistedExactlyOnce(String rc, Map<UUID, Long> demand)
            throws SQLException {
        assertThat(count("select count(*) from voucher")).as("voucher rows").isEqualTo(demand.size());
        assertThat(longsByUuid("select voucher_id, demand_card_hours from voucher where demand_resource_class = ?", rc))
                .as("every voucher recorded once, with its demand").isEqualTo(demand);
        assertThat(strings("select distinct status from allocation"))
                .as("no holds were sent: allocations stay PROPOSED, or wait").isSubsetOf("PROPOSED", "WAITLISTED");
        assertThat(longsByUuid("""
                select v.voucher_id, coalesce(sum(a.card_hours), 0) from voucher v
                left join allocation a on a.voucher_id = v.voucher_id and a.status in ('PROPOSED', 'WAITLISTED')
                group by v.voucher_id"""))
                .as("each voucher's demand served or waitlisted exactly once").isEqualTo(demand);
        assertThat(count("select count(*) from (select voucher_id from allocation where status = 'WAITLISTED' "
                + "group by voucher_id having count(*) > 1) w")).as("vouchers with more than one waitlist entry").isZero();
    }

    private void assertOneEventPerChange() throws SQLException {
        List<String> created = strings("select message_key from outbox_event where event_type = 'allocation.created.v1'");
        assertThat(created).as("allocation.created.v1: one per reservation, none twice")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(strings("select allocation_id::text from allocation where status = 'PROPOSED'"));
        List<String> waitlisted = strings("select message_key from outbox_event where event_type = 'allocation.waitlisted.v1'");
        assertThat(waitlisted).as("allocation.waitlisted.v1: one per waitlisted voucher, none twice")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(strings("select voucher_id::text from allocation where status = 'WAITLISTED'"));
        assertThat(count("select count(*) from outbox_event")).as("no other allocation events")
                .isEqualTo(created.size() + waitlisted.size());
    }

    // --- events in --------------------------------------------------------------------------------------------

    private void publishVoucher(UUID voucherId, ObjectNode data) {
        publish(VOUCHER_EVENTS, "/voucher-service", "voucher.issued.v1", voucherId.toString(), data);
    }

    /** A CloudEvent as the other services' outbox relays send it: structured JSON by the kit's codec, keyed by aggregate. */
    private void publish(String topic, String source, String type, String key, ObjectNode data) {
        String eventId = UUID.randomUUID().toString();
        String payload = CODEC.encode(eventId, source, type, key, OffsetDateTime.now(), data.toString());
        RecordMetadata metadata = send(topic, key, payload);
        sent.add(new Sent(eventId, topic, key, payload, new TopicPartition(topic, metadata.partition()), metadata.offset()));
    }

    private static RecordMetadata send(String topic, String key, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add(new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Events on these partitions the service has processed (processed_event) at or past the group's committed offset. */
    private long processedButNotCommitted(Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> committed = committedOffsets();
        Set<String> processed = processedEventIds();
        return sent.stream()
                .filter(s -> partitions.contains(s.partition()))
                .filter(s -> s.offset() >= committed.getOrDefault(s.partition(), 0L))
                .filter(s -> processed.contains(s.eventId()))
                .count();
    }

    private long processedVouchers() throws SQLException {
        Set<String> processed = processedEventIds();
        return sent.stream().filter(s -> s.topic().equals(VOUCHER_EVENTS) && processed.contains(s.eventId())).count();
    }

    private record Sent(String eventId, String topic, String key, String payload, TopicPartition partition, long offset) {
    }

    // --- the consumer group -----------------------------------------------------------------------------------

    /**
     * Waits until the group is stable with exactly the given instances in it and every voucher.events partition is
     * assigned; returns the voucher.events partitions per instance.
     */
    private static Map<String, Set<TopicPartition>> awaitVoucherPartitionsOf(Set<String> instances) {
        AtomicReference<Map<String, Set<TopicPartition>>> result = new AtomicReference<>();
        await("voucher.events partitions assigned to " + instances).atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups()
                            .get(GROUP).get(10, TimeUnit.SECONDS);
                    assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                    Set<String> members = group.members().stream().map(m -> m.clientId()).collect(Collectors.toSet());
                    Set<String> expected = instances.stream()
                            .flatMap(i -> CHANNELS.stream().map(c -> Instance.clientId(i, c)))
                            .collect(Collectors.toSet());
                    assertThat(members).isEqualTo(expected);
                    Map<String, Set<TopicPartition>> byInstance = new TreeMap<>();
                    for (MemberDescription m : group.members()) {
                        if (m.clientId().endsWith("-voucher-events")) {
                            byInstance.put(m.clientId().split("-")[1], m.assignment().topicPartitions());
                        }
                    }
                    assertThat(union(byInstance.values())).containsExactlyInAnyOrderElementsOf(partitions(VOUCHER_EVENTS));
                    result.set(byInstance);
                });
        return result.get();
    }

    private static List<MemberDescription> groupMembers() throws Exception {
        return List.copyOf(admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                .get(10, TimeUnit.SECONDS).members());
    }

    private static Map<TopicPartition, Long> committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, o) -> {
            if (o != null) {
                result.put(tp, o.offset());
            }
        });
        return result;
    }

    private static Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    /** Messages on the topics not yet consumed and committed by the group. */
    private static long lagOf(String... topics) throws Exception {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            all.addAll(partitions(topic));
        }
        Map<TopicPartition, Long> end = endOffsets(all);
        Map<TopicPartition, Long> committed = committedOffsets();
        return all.stream().mapToLong(tp -> end.get(tp) - committed.getOrDefault(tp, 0L)).sum();
    }

    private static List<TopicPartition> partitions(String topic) {
        return IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    private static Set<TopicPartition> union(java.util.Collection<Set<TopicPartition>> sets) {
        Set<TopicPartition> all = new HashSet<>();
        sets.forEach(all::addAll);
        return all;
    }

    /** The CloudEvent ids of everything on the topic, read from the beginning to the current end. */
    private static Set<String> cloudEventIdsOn(String topic) throws Exception {
        List<TopicPartition> tps = partitions(topic);
        Map<TopicPartition, Long> end = endOffsets(tps);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infraConfig.get("kafka.bootstrap.servers"));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            await("reading " + topic).atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(TestEvents.JSON.readTree(r.value()).path("id").asText());
                }
                return tps.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return ids;
    }

    // --- the shared database ----------------------------------------------------------------------------------

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(infraConfig.get("quarkus.datasource.jdbc.url"),
                infraConfig.get("quarkus.datasource.username"), infraConfig.get("quarkus.datasource.password"));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(String sql, Object... params) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = db(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                result.add(r.getString(1));
            }
        }
        return result;
    }

    private static Map<UUID, Long> longsByUuid(String sql, Object... params) throws SQLException {
        Map<UUID, Long> result = new HashMap<>();
        try (Connection c = db(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                assertThat(result.put(r.getObject(1, UUID.class), r.getLong(2))).as("row for %s", r.getObject(1)).isNull();
            }
        }
        return result;
    }

    private static Set<String> processedEventIds() throws SQLException {
        return new HashSet<>(strings("select event_id from processed_event where consumer = ?", CONSUMER));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // --- the instances ----------------------------------------------------------------------------------------

    /** One allocation-service process: the packaged jar, its own HTTP port, its log under target/. */
    private static final class Instance {
        private final String name;
        private final List<String> options;
        private final int port;
        private final Path log;
        private Process process;

        Instance(String name, String... options) throws IOException {
            this.name = name;
            this.options = List.of(options);
            this.port = freePort();
            this.log = LOGS.resolve("scaleout-instance-" + name + ".log");
        }

        /** The Kafka client id of the instance's consumer of a channel: tells the group's members apart. */
        static String clientId(String instance, String channel) {
            return "scaleout-" + instance + "-" + channel;
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            // two service JVMs, the broker and PostgreSQL share the machine: C1 only and a serial collector start faster
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            command.add("-Dquarkus.http.port=" + port);
            infraConfig.forEach((k, v) -> command.add("-D" + k + "=" + v));
            // a killed member's partitions move after the session timeout (the broker's minimum)
            command.add("-Dkafka.session.timeout.ms=6000");
            command.add("-Dkafka.heartbeat.interval.ms=1000");
            for (String channel : CHANNELS) {
                command.add("-Dmp.messaging.incoming." + channel + ".client.id=" + clientId(name, channel));
            }
            command.addAll(options);
            command.add("-jar");
            command.add(JAR.toAbsolutePath().toString());
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        void awaitReady() {
            URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
            await("instance " + name + " ready on port " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("instance " + name + " exited with " + process.exitValue()
                                    + "; see " + log.toAbsolutePath());
                        }
                        try {
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            return r.statusCode() == 200 && r.body().contains("\"UP\"");
                        } catch (IOException e) {
                            return false;
                        }
                    });
        }

        /** SIGKILL: no shutdown hook, no leaving the group, no commit; its open transactions are rolled back. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("instance %s killed", name).isTrue();
            assertThat(process.exitValue()).as("exit status of a SIGKILL").isEqualTo(128 + 9);
        }

        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
