package cn.cvp.allocation.matching.domain;

/** An allocation was asked to do something its current state forbids; nothing was changed. */
public class IllegalTransitionException extends RuntimeException {
    private final AllocationStatus current;

    public IllegalTransitionException(Object allocationId, AllocationStatus current, String action) {
        super("allocation " + allocationId + " is " + current + " and cannot be " + action);
        this.current = current;
    }

    public AllocationStatus current() {
        return current;
    }
}
