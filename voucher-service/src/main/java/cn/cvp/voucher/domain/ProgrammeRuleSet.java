package cn.cvp.voucher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One stored version of a programme's rules. Never changed once written. */
@Entity
@Table(name = "programme_rules")
public class ProgrammeRuleSet extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ProgrammeRules rules;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    @Embeddable
    public record Key(@Column(name = "programme_id") UUID programmeId, int version) implements Serializable {
    }
}
