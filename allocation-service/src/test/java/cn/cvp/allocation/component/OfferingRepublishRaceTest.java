package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * offering.published.v1 (a newer version) processed while a voucher of the same pool is being matched. The
 * publication waits for the pool lock while the matcher reserves capacity on the offering and commits; it must then
 * work on the offering as it is now, not as it was before it waited. (It used to read the offering before waiting
 * and write its stale reserved_unit_hours back: the reservation was forgotten and the offering could be reserved
 * beyond its capacity — reserved 960 while 1,010 card-hours were reserved on an offering of 960.)
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OfferingRepublishRaceTest extends ComponentTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    static long poolKey(String resourceClass) {
        long h = 0xcbf29ce484222325L;
        for (byte b : ("allocation-pool:" + resourceClass).getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private long waitingForAdvisoryLocks() {
        return count("select count(*) from pg_locks where locktype = 'advisory' and not granted");
    }

    @Test
    void aRepublicationQueuedBehindAMatchKeepsTheReservationItMade() throws Exception {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID offering = offering(provider, rc, 4, 1500); // 960 card-hours
        UUID first = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", first.toString(), TestEvents.voucherIssued(first, TestEvents.creditCode(), rc, 100,
                TestEvents.JAN_1.minusDays(30)));
        await().atMost(patience()).until(() -> reserved(offering) == 100);

        try (Connection other = DriverManager.getConnection(url, user, password)) {
            other.setAutoCommit(false);
            // a third matching transaction of the pool in progress (as on another instance): holds the pool's lock
            try (PreparedStatement s = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, poolKey(rc));
                s.executeQuery().close();
            }
            // a voucher of the pool queues for the lock first ...
            UUID second = UUID.randomUUID();
            flow.voucher("voucher.issued.v1", second.toString(), TestEvents.voucherIssued(second, TestEvents.creditCode(),
                    rc, 50, TestEvents.JAN_1.minusDays(20)));
            await().atMost(patience()).until(() -> waitingForAdvisoryLocks() == 1);
            // ... then a newer version of the offering (same terms otherwise), which reads the offering before it waits
            publishOffering(offering, 2, provider, rc, 4, 1500);
            await().atMost(patience()).until(() -> waitingForAdvisoryLocks() == 2);
            other.commit(); // lock released: the voucher is matched first (reserved 150), then the publication
        }

        await().atMost(patience()).until(() -> count("select version from offering where offering_id = ?1", offering) == 2);
        // and the pool goes on: a voucher wanting everything
        UUID third = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", third.toString(), TestEvents.voucherIssued(third, TestEvents.creditCode(), rc, 960,
                TestEvents.JAN_1.minusDays(10)));
        await().atMost(patience()).until(() -> count("select count(*) from allocation where voucher_id = ?1", third) > 0);

        long live = count("select coalesce(sum(card_hours), 0) from allocation where offering_id = ?1 "
                + "and status in ('PROPOSED', 'HELD', 'ACTIVE')", offering);
        long reserved = reserved(offering);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(reserved).as("reserved_unit_hours = card-hours of the reservations on the offering").isEqualTo(live);
        softly.assertThat(live).as("card-hours reserved on the offering, capacity 960").isLessThanOrEqualTo(960);
        softly.assertAll();
    }
}
