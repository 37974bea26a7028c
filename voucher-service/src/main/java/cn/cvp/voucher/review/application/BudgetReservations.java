package cn.cvp.voucher.review.application;

import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.review.domain.AnnualCommitment;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.persistence.AnnualCommitmentRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * What an application under review holds: its requested subsidy, reserved against the programme's budget and the
 * enterprise's annual cap, and given back when it leaves review without a voucher (or when the voucher is issued).
 * Called inside the use case's transaction, with the programme's row locked.
 */
@ApplicationScoped
public class BudgetReservations {
    private final AnnualCommitmentRepository commitments;

    public BudgetReservations(AnnualCommitmentRepository commitments) {
        this.commitments = commitments;
    }

    /** The enterprise's annual counter under the programme, locked (concurrent submissions wait for each other). */
    AnnualCommitment lockCommitment(UUID enterpriseId, UUID programmeId, int year) {
        return commitments.lock(enterpriseId, programmeId, year);
    }

    void reserve(Programme programme, AnnualCommitment annual, long fen) {
        programme.reserve(fen);
        annual.reserve(fen);
    }

    /** Gives back what the application had reserved (in the year it was submitted). */
    void release(Programme programme, Application application, long reserved) {
        if (reserved <= 0) {
            return;
        }
        programme.releaseReservation(reserved);
        lockCommitment(application.enterpriseId(), application.programmeId(), application.submittedAt().getYear())
                .release(reserved);
    }
}
