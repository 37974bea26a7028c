package cn.cvp.voucher.programme.domain;

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
public class ProgrammeRuleSet {
    @EmbeddedId
    private Key key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ProgrammeRules rules;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "created_by")
    private String createdBy;

    @Embeddable
    public record Key(@Column(name = "programme_id") UUID programmeId, int version) implements Serializable {
    }

    protected ProgrammeRuleSet() {
    }

    public static ProgrammeRuleSet of(Programme programme, ProgrammeRules rules, OffsetDateTime at, String by) {
        ProgrammeRuleSet set = new ProgrammeRuleSet();
        set.key = new Key(programme.id(), programme.currentRulesVersion());
        set.rules = rules;
        set.createdAt = at;
        set.createdBy = by;
        return set;
    }

    public Key key() { return key; }
    public ProgrammeRules rules() { return rules; }
    public OffsetDateTime createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
