package cn.cvp.allocation.matching.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.List;
import java.util.Map;

/**
 * An allocation was asked to do something its current state forbids; nothing was changed. A domain error of kind
 * {@link Kind#ILLEGAL_STATE} (code {@code ILLEGAL_STATE}, the current state as {@code currentState}).
 */
public class IllegalTransitionException extends DomainException {
    private final AllocationStatus current;

    public IllegalTransitionException(Object allocationId, AllocationStatus current, String action) {
        super(Kind.ILLEGAL_STATE, "ILLEGAL_STATE", "allocation " + allocationId + " is " + current + " and cannot be " + action,
                "分配 " + allocationId + " 当前状态为 " + current + "，不能执行该操作（" + action + "）",
                Map.of("currentState", String.valueOf(current)), List.of());
        this.current = current;
    }

    public AllocationStatus current() {
        return current;
    }
}
