package cn.cvp.kit.audit;

import cn.cvp.kit.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Writes audit records in the caller's transaction, so a change and its audit commit together. */
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String targetType, Object targetId, Object before, Object after) {
        AuditRecord r = new AuditRecord();
        r.actorSubject = actor.subject();
        r.actorUsername = actor.username();
        r.actorOrganisation = actor.organisation();
        r.action = action;
        r.targetType = targetType;
        r.targetId = String.valueOf(targetId);
        r.before = json(before);
        r.after = json(after);
        r.occurredAt = OffsetDateTime.now(clock);
        em.persist(r);
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
