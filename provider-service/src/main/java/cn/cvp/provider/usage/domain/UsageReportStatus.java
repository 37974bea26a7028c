package cn.cvp.provider.usage.domain;

import cn.cvp.kit.domain.DomainException;

/**
 * The usage report state machine: RECEIVED at intake, then ACCEPTED or REJECTED (with a reason) by
 * allocation-service's validation; a decision is never reversed.
 */
public enum UsageReportStatus {
    RECEIVED, ACCEPTED, REJECTED;

    /**
     * Whether allocation-service's decision ({@code ACCEPTED} or {@code REJECTED}) changes a report in this status:
     * true from RECEIVED, false when it says the same again (a repeated decision changes nothing); a report already
     * decided the other way is refused (ILLEGAL_STATE).
     */
    public boolean changesTo(UsageReportStatus decision) {
        if (this == decision) {
            return false;
        }
        if (this != RECEIVED || decision == RECEIVED) {
            throw DomainException.illegalState("Usage report", this, decision == ACCEPTED ? "accepted" : "rejected");
        }
        return true;
    }
}
