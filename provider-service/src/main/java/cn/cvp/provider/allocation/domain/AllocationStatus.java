package cn.cvp.provider.allocation.domain;

/**
 * An allocation's status as allocation-service reports it: PROPOSED → HELD → ACTIVE → COMPLETED, or
 * CANCELLED. Usage can be reported against HELD and ACTIVE allocations.
 */
public enum AllocationStatus {
    PROPOSED, HELD, ACTIVE, COMPLETED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    public boolean isBillable() {
        return this == HELD || this == ACTIVE;
    }
}
