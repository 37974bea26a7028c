package cn.cvp.voucher.review.persistence;

import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.ApplicationKind;
import cn.cvp.voucher.review.domain.ApplicationStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {
    /** The states in which an application holds on to its contract (one contract, one application). */
    private static final EnumSet<ApplicationStatus> HOLDING_ITS_CONTRACT = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.ISSUED);
    /** The states that wait for a decision (and lapse when the programme closes). */
    private static final EnumSet<ApplicationStatus> UNDECIDED = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.RETURNED);

    public Application lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void lock(Application application) {
        getEntityManager().lock(application, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Whether another live application (submitted or further), of any programme, uses the same contract: the same
     * number, enterprise and provider (the key of the unique index {@code application_contract_once}).
     */
    public boolean contractUsedElsewhere(Application application) {
        if (application.contractNumber() == null) {
            return false;
        }
        if (application.providerCreditCode() == null) {
            return count("contractNumber = ?1 and enterpriseCreditCode = ?2 and providerCreditCode is null"
                            + " and id <> ?3 and status in ?4", application.contractNumber(),
                    application.enterpriseCreditCode(), application.id(), HOLDING_ITS_CONTRACT) > 0;
        }
        return count("contractNumber = ?1 and enterpriseCreditCode = ?2 and providerCreditCode = ?3"
                        + " and id <> ?4 and status in ?5", application.contractNumber(),
                application.enterpriseCreditCode(), application.providerCreditCode(), application.id(),
                HOLDING_ITS_CONTRACT) > 0;
    }

    /**
     * Whether another quota application of the enterprise under the programme, submitted in [from, before), is under
     * review, approved or issued (one quota a year).
     */
    public boolean otherQuotaSubmitted(Application application, OffsetDateTime from, OffsetDateTime before) {
        return count("kind = ?1 and enterpriseId = ?2 and programmeId = ?3 and id <> ?4 and status in ?5"
                        + " and submittedAt >= ?6 and submittedAt < ?7",
                ApplicationKind.QUOTA, application.enterpriseId(), application.programmeId(), application.id(),
                HOLDING_ITS_CONTRACT, from, before) > 0;
    }

    /** The programme's applications that wait for a decision. */
    public List<Application> undecided(UUID programmeId) {
        return list("programmeId = ?1 and status in ?2", programmeId, UNDECIDED);
    }

    /** What a list of applications may be filtered by; null means "any". */
    public record Filter(String enterpriseCreditCode, ApplicationStatus status, UUID programmeId,
                         OffsetDateTime createdFrom, OffsetDateTime createdBefore) {
    }

    /** A page of applications, newest first. */
    public List<Application> search(Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.enterpriseCreditCode() != null) {
            query.append(" and enterpriseCreditCode = :org");
            params.put("org", filter.enterpriseCreditCode());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.programmeId() != null) {
            query.append(" and programmeId = :programme");
            params.put("programme", filter.programmeId());
        }
        if (filter.createdFrom() != null) {
            query.append(" and createdAt >= :from");
            params.put("from", filter.createdFrom());
        }
        if (filter.createdBefore() != null) {
            query.append(" and createdAt < :to");
            params.put("to", filter.createdBefore());
        }
        return find(query.toString(), Sort.descending("createdAt"), params).page(Page.of(page, size)).list();
    }
}
