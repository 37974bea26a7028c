package cn.cvp.kit.audit;

import cn.cvp.kit.security.Actor;
import cn.cvp.kit.testing.LocalInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is a hash chain: whatever the database owner changes behind the service's back (an edited row, a
 * deleted row, rows cut off the end) is found by verification, which names the first broken link; the trigger lets
 * nothing through but the one-time sealing. Tampering is done as the owner does it: the trigger disabled, then plain
 * SQL. Each test puts the table back the way it was, and then the chain verifies intact again.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class AuditChainTest {

    private static final Actor CLERK = new Actor("sub-clerk", "clerk", "91110000000000000X");

    @Inject
    AuditLog audit;
    @Inject
    AuditChain chain;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUntouchedTrailVerifiesIntactAndEveryRowIsSealedInOrder() throws SQLException {
        List<Long> ids = record(4);
        chain.seal();

        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.firstBroken()).isNull();
        assertThat(v.unsealedRows()).isZero();
        assertThat(v.checkedRows()).isEqualTo(v.headSeq()).isGreaterThanOrEqualTo(4);
        try (Connection c = dataSource.getConnection()) {
            List<long[]> seqs = new ArrayList<>();
            String prev = null;
            for (Long id : ids) {
                Map<String, Object> row = row(c, id);
                assertThat(row.get("row_hash")).as("sealed").isNotNull();
                if (prev != null) {
                    assertThat(row.get("prev_hash")).as("each row points at the one sealed before it").isEqualTo(prev);
                }
                prev = (String) row.get("row_hash");
                seqs.add(new long[]{id, (Long) row.get("chain_seq")});
            }
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i)[1]).isEqualTo(seqs.get(i - 1)[1] + 1);
            }
        }
    }

    @Test
    void aRowEditedBehindTheServicesBackIsTheFirstBrokenLink() throws SQLException {
        List<Long> ids = record(3);
        chain.seal();
        long edited = ids.get(1);
        try (Connection c = dataSource.getConnection()) {
            String original = (String) row(c, edited).get("after_state");
            asOwner(c, "update audit_log set after_state = '{\"amountFen\": 999999999}' where id = " + edited);
            try {
                AuditChain.Verification v = chain.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBroken().auditId()).isEqualTo(edited);
                assertThat(v.firstBroken().problem()).isEqualTo("CONTENT_CHANGED");
                assertThat(v.firstBroken().chainSeq()).isEqualTo(row(c, edited).get("chain_seq"));
            } finally {
                asOwner(c, "update audit_log set after_state = '" + original.replace("'", "''") + "' where id = " + edited);
            }
            assertThat(chain.verify().intact()).as("the same content again verifies again").isTrue();
        }
    }

    @Test
    void aDeletedRowAndRowsCutOffTheEndAreFound() throws SQLException {
        List<Long> ids = record(3);
        chain.seal();
        try (Connection c = dataSource.getConnection()) {
            long middle = ids.get(1);
            long middleSeq = (Long) row(c, middle).get("chain_seq");
            asOwner(c, "create temporary table kept as select * from audit_log where id >= " + middle);
            try {
                asOwner(c, "delete from audit_log where id = " + middle);
                AuditChain.Verification v = chain.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBroken().problem()).isEqualTo("ROW_MISSING");
                assertThat(v.firstBroken().chainSeq()).isEqualTo(middleSeq);

                asOwner(c, "delete from audit_log where id >= " + middle);
                AuditChain.Verification cut = chain.verify();
                assertThat(cut.intact()).as("the head still says where the chain ended").isFalse();
                assertThat(cut.firstBroken().problem()).isEqualTo("ROW_MISSING");
                assertThat(cut.firstBroken().chainSeq()).isEqualTo(middleSeq);
            } finally {
                asOwner(c, "delete from audit_log where id >= " + middle);
                asOwner(c, "insert into audit_log overriding system value select * from kept");
                asOwner(c, "drop table kept");
            }
            assertThat(chain.verify().intact()).isTrue();
        }
    }

    @Test
    void theTriggerLetsThroughOnlyTheOneTimeSealing() throws SQLException {
        long id = record(1).get(0);
        chain.seal();
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> run(c, "update audit_log set action = 'nothing.happened' where id = " + id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> run(c, "update audit_log set row_hash = 'x', chain_seq = -1, prev_hash = 'y' where id = " + id))
                    .as("a sealed row cannot be sealed again").hasMessageContaining("append-only");
            assertThatThrownBy(() -> run(c, "delete from audit_log where id = " + id)).hasMessageContaining("append-only");
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    private List<Long> record(int n) {
        String target = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < n; i++) {
                audit.record(CLERK, "thing.changed", "Thing", target, i == 0 ? null : Map.of("step", i - 1),
                        Map.of("step", i, "note", "第 " + i + " 步, with \"quotes\" and | bars"));
            }
        });
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id from audit_log where target_id = ? order by id")) {
            s.setString(1, target);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static Map<String, Object> row(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select chain_seq, prev_hash, row_hash, after_state::text from audit_log where id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                java.util.HashMap<String, Object> m = new java.util.HashMap<>();
                m.put("chain_seq", (Long) r.getObject(1));
                m.put("prev_hash", r.getString(2));
                m.put("row_hash", r.getString(3));
                m.put("after_state", r.getString(4));
                return m;
            }
        }
    }

    private static void asOwner(Connection c, String sql) throws SQLException {
        run(c, "alter table audit_log disable trigger audit_log_append_only");
        try {
            run(c, sql);
        } finally {
            run(c, "alter table audit_log enable trigger audit_log_append_only");
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}
