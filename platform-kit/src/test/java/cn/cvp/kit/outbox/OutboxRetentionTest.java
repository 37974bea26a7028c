package cn.cvp.kit.outbox;

import cn.cvp.kit.testing.LocalInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox keeps published events for the retention period (7 days) and never deletes an unpublished one. The
 * test's rows get the oldest sequence numbers (below every row other tests wrote), and the relays are paused
 * meanwhile by holding their advisory lock, so that the unpublished row stays unpublished.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OutboxRetentionTest {

    @Inject
    OutboxRetention retention;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @Test
    void publishedEventsOlderThanTheRetentionGoOldestFirstAndUnpublishedOnesStay() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection c = dataSource.getConnection()) {
            run(c, "select pg_advisory_lock(?)", OutboxRelay.RELAY_LOCK);
            try {
                insert(c, -10, now.minusDays(30));
                insert(c, -9, now.minusDays(8));
                insert(c, -8, null);                // never published: not deleted, and the purge stops there
                insert(c, -7, now.minusDays(8));    // due, but behind -8: waits for a later run
                insert(c, -6, now.minusDays(6));    // published within the retention period

                assertThat(retention.purge()).isEqualTo(2);
                assertThat(testRows(c)).containsExactly(-8L, -7L, -6L);

                run(c, "update outbox_event set published_at = ? where seq = -8", now.minusDays(9));
                assertThat(retention.purge()).isEqualTo(2);
                assertThat(testRows(c)).containsExactly(-6L);
                assertThat(retention.purge()).as("nothing more is due").isZero();
            } finally {
                run(c, "delete from outbox_event where seq < 0");
                run(c, "select pg_advisory_unlock(?)", OutboxRelay.RELAY_LOCK);
            }
        }
    }

    private static void insert(Connection c, long seq, OffsetDateTime publishedAt) throws SQLException {
        run(c, """
                insert into outbox_event (seq, event_id, topic, message_key, event_type, subject, occurred_at, payload,
                    published_at)
                overriding system value
                values (?, gen_random_uuid(), 'retention.events', 'retention-test', 'retention-test.v1', 'retention-test',
                    ?, '{}', ?)""", seq, publishedAt == null ? OffsetDateTime.now().minusDays(40) : publishedAt.minusSeconds(1),
                publishedAt);
    }

    private static List<Long> testRows(Connection c) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select seq from outbox_event where seq < 0 order by seq");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    private static void run(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }
}
