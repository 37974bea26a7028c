package cn.cvp.kit.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** One audited state change: who, when, what, before and after. Append-only. */
@Entity
@Table(name = "audit_log")
public class AuditRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;
    @Column(name = "actor_username")
    public String actorUsername;
    @Column(name = "actor_organisation")
    public String actorOrganisation;
    @Column(nullable = false)
    public String action;
    @Column(name = "target_type", nullable = false)
    public String targetType;
    @Column(name = "target_id", nullable = false)
    public String targetId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state", columnDefinition = "jsonb")
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state", columnDefinition = "jsonb")
    public String after;
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;
    /** Position in the hash chain (null until sealed, about a second after the change; see {@link AuditChain}). */
    @Column(name = "chain_seq", insertable = false, updatable = false)
    public Long chainSeq;
    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;
    @Column(name = "row_hash", insertable = false, updatable = false)
    public String rowHash;
}
