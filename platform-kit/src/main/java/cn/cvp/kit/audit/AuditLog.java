package cn.cvp.kit.audit;

import cn.cvp.kit.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes audit records in the caller's transaction, so a change and its audit commit together.
 * {@link #recordAll} writes many in ONE statement (consumers audit usage by the thousand).
 */
@ApplicationScoped
public class AuditLog {
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuditLog(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One audited change: who, what was done to which target, the state before (null if new) and after. */
    public record Entry(Actor actor, String action, String targetType, Object targetId, Object before, Object after) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String targetType, Object targetId, Object before, Object after) {
        recordAll(List.of(new Entry(actor, action, targetType, targetId, before, after)));
    }

    /** Records the entries, in their order, at the same time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] subjects = new String[n];
        String[] usernames = new String[n];
        String[] organisations = new String[n];
        String[] actions = new String[n];
        String[] targetTypes = new String[n];
        String[] targetIds = new String[n];
        String[] befores = new String[n];
        String[] afters = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            subjects[i] = e.actor().subject();
            usernames[i] = e.actor().username();
            organisations[i] = e.actor().organisation();
            actions[i] = e.action();
            targetTypes[i] = e.targetType();
            targetIds[i] = String.valueOf(e.targetId());
            befores[i] = json(e.before());
            afters[i] = json(e.after());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into audit_log (actor_subject, actor_username, actor_organisation, action, target_type,
                        target_id, before_state, after_state, occurred_at)
                    select u.subject, u.username, u.organisation, u.action, u.target_type, u.target_id,
                        u.before_state::jsonb, u.after_state::jsonb, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(subject, username, organisation, action, target_type, target_id,
                                              before_state, after_state, ord)
                    order by u.ord""")) {
                s.setObject(1, now);
                int p = 2;
                for (String[] column : List.of(subjects, usernames, organisations, actions, targetTypes, targetIds,
                        befores, afters)) {
                    s.setArray(p++, c.createArrayOf("text", column));
                }
                s.executeUpdate();
            }
        });
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state cannot be written as JSON", e);
        }
    }
}
