package cn.cvp.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * Starts the real components a component test needs inside the test JVM: an embedded PostgreSQL 15
 * (zonky binaries from Maven Central) and a single-node KRaft Kafka broker (Kafka's own test kit).
 * No Docker. One instance per Quarkus test profile; stopped when the tests end. It also makes the
 * service verify {@link TestTokens} (set {@code %test.quarkus.oidc.auth-server-url=} empty).
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database app");
            }
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start embedded PostgreSQL and Kafka", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "app"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                // tokens are verified for real, against the test key instead of Keycloak's JWKS
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop embedded infrastructure", e);
        }
    }
}
