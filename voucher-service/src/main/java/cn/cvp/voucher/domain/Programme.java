package cn.cvp.voucher.domain;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** A voucher programme (e.g. 北京算力券) with its budget; its rules are versioned {@link ProgrammeRules}. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {
    public enum Status { DRAFT, OPEN, CLOSED, ARCHIVED }

    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "current_rules_version")
    public int currentRulesVersion;
    @Column(name = "budget_total_fen")
    public long budgetTotalFen;
    @Column(name = "budget_committed_fen")
    public long budgetCommittedFen;
    @Column(name = "budget_consumed_fen")
    public long budgetConsumedFen;
    /** Requested subsidies of applications under review (released if they do not issue). */
    @Column(name = "budget_reserved_fen")
    public long budgetReservedFen;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** What is neither committed to vouchers nor reserved for applications under review. */
    public long budgetRemainingFen() {
        return budgetTotalFen - budgetCommittedFen - budgetReservedFen;
    }

    public void reserve(long fen) {
        if (fen > budgetRemainingFen()) {
            throw budgetExhausted();
        }
        budgetReservedFen += fen;
    }

    public void releaseReservation(long fen) {
        budgetReservedFen -= fen;
    }

    private ProblemException budgetExhausted() {
        return new ProblemException(422, "BUDGET_EXHAUSTED",
                "Programme " + code + " has " + Money.yuan(budgetRemainingFen()) + " yuan left",
                "项目 " + code + " 剩余预算仅 " + Money.yuan(budgetRemainingFen()) + " 元");
    }

    public void requireOpen() {
        if (status != Status.OPEN) {
            throw new ProblemException(422, "PROGRAMME_NOT_OPEN",
                    "Programme " + code + " is " + status + " and does not accept applications",
                    "项目 " + code + " 当前状态为 " + status + "，不受理申请");
        }
    }

    /** Commits budget for a voucher about to be issued; the caller holds the row lock. */
    public void commit(long fen) {
        if (fen <= 0 || fen > budgetRemainingFen()) {
            throw budgetExhausted();
        }
        budgetCommittedFen += fen;
    }

    public void open() {
        transition(java.util.EnumSet.of(Status.DRAFT, Status.CLOSED), Status.OPEN, "opened");
    }

    public void close() {
        transition(java.util.EnumSet.of(Status.OPEN), Status.CLOSED, "closed");
    }

    public void archive() {
        transition(java.util.EnumSet.of(Status.CLOSED), Status.ARCHIVED, "archived");
    }

    /** A new rules version; applications already filed keep the version they were filed under. */
    public int newRulesVersion() {
        if (status == Status.ARCHIVED) {
            throw ProblemException.illegalState("Programme", status, "changed");
        }
        return ++currentRulesVersion;
    }

    public void changeBudget(long totalFen) {
        if (status == Status.ARCHIVED) {
            throw ProblemException.illegalState("Programme", status, "changed");
        }
        if (totalFen < budgetCommittedFen + budgetReservedFen) {
            throw ProblemException.unprocessable("BUDGET_BELOW_COMMITTED",
                    "The budget cannot be less than what is committed and reserved (" + Money.yuan(budgetCommittedFen + budgetReservedFen) + " yuan)",
                    "预算不得低于已承诺及预留金额（" + Money.yuan(budgetCommittedFen + budgetReservedFen) + " 元）");
        }
        budgetTotalFen = totalFen;
    }

    private void transition(java.util.Set<Status> from, Status to, String action) {
        if (!from.contains(status)) {
            throw ProblemException.illegalState("Programme", status, action);
        }
        status = to;
    }

    /** Money that a voucher captured is consumed. */
    public void consume(long fen) {
        budgetConsumedFen += fen;
    }

    /** Unused money of an expired or revoked voucher returns to the budget. */
    public void giveBack(long fen) {
        budgetCommittedFen -= fen;
    }
}
