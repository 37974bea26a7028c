package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What one programme asks of the providers it lists (data, changed by administrators): the length of the public
 * notice (公示), the years a provider must have operated, and whether it must be privately invested (民间投资,
 * Shanghai). A provider approved for several programmes must meet each one's criteria, and its notice runs for the
 * longest of their notice periods.
 */
@Entity
@Table(name = "programme_criteria")
public class ProgrammeCriteria {
    @Id
    @Column(name = "programme_code")
    private String programmeCode;
    @Column(name = "public_notice_days")
    private int publicNoticeDays;
    @Column(name = "min_years_operating")
    private int minYearsOperating;
    @Column(name = "privately_invested_required")
    private boolean privatelyInvestedRequired;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected ProgrammeCriteria() {
    }

    /** A programme's criteria as set now by {@code by}. */
    public static ProgrammeCriteria of(String programmeCode, int publicNoticeDays, int minYearsOperating,
                                       boolean privatelyInvestedRequired, String by, OffsetDateTime now) {
        ProgrammeCriteria c = new ProgrammeCriteria();
        c.programmeCode = programmeCode;
        c.change(publicNoticeDays, minYearsOperating, privatelyInvestedRequired, by, now);
        return c;
    }

    /** The criteria of a programme that has set none: the platform's defaults. */
    public static ProgrammeCriteria defaults(String programmeCode, int publicNoticeDays) {
        return of(programmeCode, publicNoticeDays, ProviderCriteria.MIN_YEARS_OPERATING, false, "default", null);
    }

    public void change(int publicNoticeDays, int minYearsOperating, boolean privatelyInvestedRequired, String by,
                       OffsetDateTime now) {
        this.publicNoticeDays = publicNoticeDays;
        this.minYearsOperating = minYearsOperating;
        this.privatelyInvestedRequired = privatelyInvestedRequired;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** A criterion a provider does not meet, in English and in Chinese. */
    record Unmet(String en, String zh) {
    }

    /** What this programme's criteria find missing in a provider. */
    List<Unmet> unmet(int yearsOperating, boolean privatelyInvested) {
        List<Unmet> unmet = new ArrayList<>();
        if (yearsOperating < minYearsOperating) {
            unmet.add(new Unmet(programmeCode + ": operating for at least " + minYearsOperating
                    + " years (declared " + yearsOperating + ")",
                    programmeCode + "：成立满 " + minYearsOperating + " 年（申报 " + yearsOperating + " 年）"));
        }
        if (privatelyInvestedRequired && !privatelyInvested) {
            unmet.add(new Unmet(programmeCode + ": privately invested", programmeCode + "：民间投资"));
        }
        return unmet;
    }

    /**
     * Refuses (422 ACCREDITATION_CRITERIA_NOT_MET, naming each programme and criterion) a provider that does not
     * meet the criteria of every programme it is to serve.
     */
    public static void requireMetByAll(Collection<ProgrammeCriteria> programmes, int yearsOperating,
                                       boolean privatelyInvested) {
        List<Unmet> unmet = programmes.stream().flatMap(c -> c.unmet(yearsOperating, privatelyInvested).stream())
                .toList();
        List<String> en = unmet.stream().map(Unmet::en).toList();
        List<String> zh = unmet.stream().map(Unmet::zh).toList();
        if (!en.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, ProviderCriteria.NOT_MET,
                    "The provider does not meet the programmes' criteria: " + String.join("; ", en),
                    "服务机构不符合项目认定条件：" + String.join("；", zh), Map.of("unmet", en), List.of());
        }
    }

    /** The notice runs for the longest notice period of the programmes (at least one). */
    public static int noticeDays(Collection<ProgrammeCriteria> programmes) {
        return programmes.stream().mapToInt(ProgrammeCriteria::publicNoticeDays).max()
                .orElseThrow(() -> new IllegalArgumentException("no programme"));
    }

    public String programmeCode() { return programmeCode; }
    public int publicNoticeDays() { return publicNoticeDays; }
    public int minYearsOperating() { return minYearsOperating; }
    public boolean privatelyInvestedRequired() { return privatelyInvestedRequired; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
