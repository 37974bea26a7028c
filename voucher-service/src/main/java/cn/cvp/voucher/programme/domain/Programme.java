package cn.cvp.voucher.programme.domain;

import cn.cvp.kit.domain.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A voucher programme (项目, e.g. 北京算力券) with its budget; its rules are versioned {@link ProgrammeRules}.
 * {@code DRAFT → OPEN ↔ CLOSED → ARCHIVED}. The budget follows {@link ProgrammeBudget}.
 */
@Entity
@Table(name = "programme")
public class Programme {
    public enum Status { DRAFT, OPEN, CLOSED, ARCHIVED }

    @Id
    private UUID id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "current_rules_version")
    private int currentRulesVersion;
    @Column(name = "budget_total_fen")
    private long budgetTotalFen;
    @Column(name = "budget_committed_fen")
    private long budgetCommittedFen;
    @Column(name = "budget_consumed_fen")
    private long budgetConsumedFen;
    /** Requested subsidies of applications under review (released if they do not issue). */
    @Column(name = "budget_reserved_fen")
    private long budgetReservedFen;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Programme() {
    }

    /** A new programme, in DRAFT, with its first rules version. */
    public static Programme draft(UUID id, String code, String name, long budgetTotalFen) {
        Programme p = new Programme();
        p.id = id;
        p.code = code;
        p.name = name;
        p.status = Status.DRAFT;
        p.currentRulesVersion = 1;
        p.budgetTotalFen = budgetTotalFen;
        return p;
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public Status status() { return status; }
    public int currentRulesVersion() { return currentRulesVersion; }
    public long budgetTotalFen() { return budgetTotalFen; }
    public long budgetCommittedFen() { return budgetCommittedFen; }
    public long budgetConsumedFen() { return budgetConsumedFen; }
    public long budgetReservedFen() { return budgetReservedFen; }

    /** What is neither committed to vouchers nor reserved for applications under review. */
    public long budgetRemainingFen() {
        return ProgrammeBudget.remaining(budgetTotalFen, budgetCommittedFen, budgetReservedFen);
    }

    /** Reserves an application's requested subsidy while it is under review. */
    public void reserve(long fen) {
        if (!ProgrammeBudget.covers(budgetRemainingFen(), fen)) {
            throw ProgrammeBudget.exhausted(code, budgetRemainingFen());
        }
        budgetReservedFen += fen;
    }

    public void releaseReservation(long fen) {
        budgetReservedFen -= fen;
    }

    public void requireOpen() {
        if (status != Status.OPEN) {
            throw DomainException.refused("PROGRAMME_NOT_OPEN",
                    "Programme " + code + " is " + status + " and does not accept applications",
                    "项目 " + code + " 当前状态为 " + status + "，不受理申请");
        }
    }

    /** Commits budget for a voucher about to be issued; the caller holds the row lock. */
    public void commit(long fen) {
        if (fen <= 0 || !ProgrammeBudget.covers(budgetRemainingFen(), fen)) {
            throw ProgrammeBudget.exhausted(code, budgetRemainingFen());
        }
        budgetCommittedFen += fen;
    }

    public void open() {
        transition(EnumSet.of(Status.DRAFT, Status.CLOSED), Status.OPEN, "opened");
    }

    public void close() {
        transition(EnumSet.of(Status.OPEN), Status.CLOSED, "closed");
    }

    public void archive() {
        transition(EnumSet.of(Status.CLOSED), Status.ARCHIVED, "archived");
    }

    /** A new rules version; applications already filed keep the version they were filed under. */
    public int newRulesVersion() {
        if (status == Status.ARCHIVED) {
            throw DomainException.illegalState("Programme", status, "changed");
        }
        return ++currentRulesVersion;
    }

    public void changeBudget(long totalFen) {
        if (status == Status.ARCHIVED) {
            throw DomainException.illegalState("Programme", status, "changed");
        }
        ProgrammeBudget.requireNotBelowCommitted(totalFen, budgetCommittedFen, budgetReservedFen);
        budgetTotalFen = totalFen;
    }

    private void transition(Set<Status> from, Status to, String action) {
        if (!from.contains(status)) {
            throw DomainException.illegalState("Programme", status, action);
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
