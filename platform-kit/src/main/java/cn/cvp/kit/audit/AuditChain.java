package cn.cvp.kit.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail as a hash chain, so that a change made behind the service's back is found.
 * <p>
 * {@link AuditLog} writes rows unsealed (the hot paths never wait for the chain); this sealer, about once a second,
 * takes the unsealed committed rows in id order and gives each the next position {@code chain_seq}, the previous
 * position's hash {@code prev_hash} and {@code row_hash = SHA-256(prev_hash, content)}, where content is every column
 * the row was written with, each length-prefixed so that no two rows share one. The head row
 * ({@code audit_chain_head}) is locked while sealing: two instances of a service never seal at once, and the chain
 * has no gaps. {@link #verify()} walks the chain from position 1 and reports the first broken link: a row whose
 * content no longer matches its hash (edited), whose {@code prev_hash} is not its predecessor's hash (re-linked), a
 * missing position (deleted), or a chain that does not end at the head (cut off the end).
 * <p>
 * What it does not stop: someone who can rewrite the database AND recompute every later hash. The head is also
 * printed by every verification (and logged by the sealer), so comparing it with an earlier copy kept elsewhere
 * finds that too.
 */
@ApplicationScoped
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final int CHUNK = 5_000;
    private static final String COLUMNS = """
            id, actor_subject, actor_username, actor_organisation, action, target_type, target_id,
            before_state::text, after_state::text, occurred_at""";

    private final EntityManager em;
    private final Counter sealed;

    public AuditChain(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.sealed = Counter.builder("cvp.audit.sealed").description("audit rows sealed into the hash chain")
                .register(registry);
    }

    /** The first link of the chain that does not hold, if any. */
    public record BrokenLink(long chainSeq, Long auditId, String problem, String detail) {
    }

    /** What a verification found: intact or the first broken link; how many rows it checked; the head. */
    public record Verification(boolean intact, long checkedRows, long headSeq, String headHash, long unsealedRows,
                               BrokenLink firstBroken) {
    }

    /** Set when the application begins to shut down: the scheduled sealing stops before the database goes. */
    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${cvp.audit.seal-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (stopping) {
            return;
        }
        try {
            seal();
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            // shutting down mid-seal: the chunk's transaction rolled back; the next start seals those rows
        }
    }

    /** Seals every committed unsealed row, chunk by chunk (a transaction each); returns how many. */
    public int seal() {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(this::sealChunk);
            total += n;
        } while (n == CHUNK && !stopping);
        sealed.increment(total);
        return total;
    }

    private int sealChunk() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            long seq;
            String prev;
            try (PreparedStatement s = c.prepareStatement(
                    "select chain_seq, row_hash from audit_chain_head where id = 1 for update");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("audit_chain_head is missing: the audit chain cannot be sealed");
                }
                seq = r.getLong(1);
                prev = r.getString(2);
            }
            List<Long> ids = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            List<String> prevs = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                    + " from audit_log where row_hash is null order by id limit " + CHUNK);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String hash = hash(prev, content(r));
                    ids.add(r.getLong(1));
                    seqs.add(++seq);
                    prevs.add(prev);
                    hashes.add(hash);
                    prev = hash;
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    update audit_log a set chain_seq = u.seq, prev_hash = u.prev, row_hash = u.hash
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as u(id, seq, prev, hash)
                    where a.id = u.id and a.row_hash is null""")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                s.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
                s.setArray(3, c.createArrayOf("text", prevs.toArray()));
                s.setArray(4, c.createArrayOf("text", hashes.toArray()));
                if (s.executeUpdate() != ids.size()) {
                    throw new IllegalStateException("audit rows changed while being sealed; nothing sealed");
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update audit_chain_head set chain_seq = ?, row_hash = ? where id = 1")) {
                s.setLong(1, seq);
                s.setString(2, prev);
                s.executeUpdate();
            }
            return ids.size();
        });
    }

    /** Walks the whole chain from position 1 and recomputes every hash; read-only. */
    public Verification verify() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(this::verify));
    }

    private Verification verify(Connection c) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement s = c.prepareStatement("select chain_seq, row_hash from audit_chain_head where id = 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return new Verification(false, 0, 0, null, unsealed(c),
                        new BrokenLink(0, null, "HEAD_MISSING", "the chain's head row was deleted"));
            }
            headSeq = r.getLong(1);
            headHash = r.getString(2);
        }
        long expected = 1;
        String prev = GENESIS;
        long checked = 0;
        while (true) {
            int read = 0;
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + ", chain_seq, prev_hash, row_hash"
                    + " from audit_log where chain_seq >= ? order by chain_seq limit " + CHUNK)) {
                s.setLong(1, expected);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        read++;
                        long id = r.getLong(1);
                        long seq = r.getLong(11);
                        BrokenLink broken = null;
                        if (seq != expected) {
                            broken = new BrokenLink(expected, null, "ROW_MISSING",
                                    "position " + expected + " is missing (the next row found is at " + seq + ")");
                        } else if (!prev.equals(r.getString(12))) {
                            broken = new BrokenLink(seq, id, "LINK_BROKEN",
                                    "the row does not point at the hash of the row before it");
                        } else if (!hash(prev, content(r)).equals(r.getString(13))) {
                            broken = new BrokenLink(seq, id, "CONTENT_CHANGED",
                                    "the row's content no longer matches the hash it was sealed with");
                        }
                        if (broken != null) {
                            return new Verification(false, checked, headSeq, headHash, unsealed(c), broken);
                        }
                        checked++;
                        prev = r.getString(13);
                        expected++;
                    }
                }
            }
            if (read < CHUNK) {
                break;
            }
        }
        long last = expected - 1;
        if (last != headSeq || !prev.equals(headHash)) {
            String problem = last < headSeq ? "ROW_MISSING" : "HEAD_MISMATCH";
            return new Verification(false, checked, headSeq, headHash, unsealed(c), new BrokenLink(last + 1, null,
                    problem, "the chain ends at position " + last + " but its head says " + headSeq));
        }
        return new Verification(true, checked, headSeq, headHash, unsealed(c), null);
    }

    private static long unsealed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from audit_log where row_hash is null");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The row's own content, each column length-prefixed ("-" for null), in a fixed order. */
    static String content(ResultSet r) throws SQLException {
        StringBuilder b = new StringBuilder();
        b.append(field(Long.toString(r.getLong(1))));
        for (int i = 2; i <= 9; i++) {
            b.append(field(r.getString(i)));
        }
        OffsetDateTime at = r.getObject(10, OffsetDateTime.class);
        b.append(field(at == null ? null : at.toInstant().toString()));
        return b.toString();
    }

    private static String field(String value) {
        return value == null ? "-|" : value.length() + ":" + value + "|";
    }

    static String hash(String prev, String content) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prev.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            d.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
