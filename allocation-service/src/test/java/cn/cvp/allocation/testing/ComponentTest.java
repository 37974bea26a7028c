package cn.cvp.allocation.testing;

import cn.cvp.kit.events.EventCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the component tests share: the Kafka flow, a look into allocation-service's database, and a market of
 * providers and offerings set up through provider.events as provider-service would.
 */
public abstract class ComponentTest {

    @Inject
    protected EventCodec codec;
    @Inject
    protected EntityManager em;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    protected Flow flow;

    @BeforeEach
    void connectToTheBroker() {
        flow = new Flow(TopicRecorder.on(bootstrapServers), codec);
    }

    protected Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, params).getSingleResult());
    }

    protected List<?> list(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, params).getResultList());
    }

    protected long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    private Query query(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }

    protected long reserved(UUID offeringId) {
        return count("select reserved_unit_hours from offering where offering_id = ?1", offeringId);
    }

    /** A provider registered, accredited and admitted to the given programmes; returns once allocation-service knows. */
    protected UUID activeProvider(String creditCode, String name, List<String> relatedParties, List<String> programmes) {
        UUID providerId = UUID.randomUUID();
        flow.provider("provider.registered.v1", providerId.toString(),
                TestEvents.providerRegistered(providerId, creditCode, name, relatedParties));
        flow.provider("provider.status-changed.v1", providerId.toString(),
                TestEvents.providerStatusChanged(providerId, creditCode, "ACTIVE", programmes, relatedParties));
        await().atMost(Flow.PATIENCE).untilAsserted(() -> assertThat(count(
                "select count(*) from provider_standing where provider_id = ?1 and status = 'ACTIVE'", providerId)).isOne());
        return providerId;
    }

    protected UUID activeBeijingPartner() {
        return activeProvider(TestEvents.creditCode(), "算力伙伴 " + UUID.randomUUID(), List.of(), List.of(TestEvents.BJ));
    }

    /** An offering for Jan 1–11 2026 (240 h) in Haidian; returns once allocation-service knows it. */
    protected UUID offering(UUID providerId, String resourceClass, int units, long unitPriceFen) {
        UUID offeringId = UUID.randomUUID();
        publishOffering(offeringId, 1, providerId, resourceClass, units, unitPriceFen);
        await().atMost(Flow.PATIENCE).untilAsserted(() -> assertThat(count(
                "select count(*) from offering where offering_id = ?1", offeringId)).isOne());
        return offeringId;
    }

    protected void publishOffering(UUID offeringId, int version, UUID providerId, String resourceClass, int units,
                                   long unitPriceFen) {
        flow.provider("offering.published.v1", offeringId.toString(), TestEvents.offeringPublished(offeringId, version,
                providerId, resourceClass, units, unitPriceFen, TestEvents.JAN_1, TestEvents.JAN_11));
    }

    protected static Duration patience() {
        return Flow.PATIENCE;
    }
}
