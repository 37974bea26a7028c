package cn.cvp.provider.domain;

import cn.cvp.kit.problem.ProblemException;

/** RECEIVED at intake, then ACCEPTED or REJECTED (with a reason) by allocation-service's validation. */
public enum UsageReportStatus {
    RECEIVED, ACCEPTED, REJECTED;

    /**
     * Whether allocation-service's decision ({@code ACCEPTED} or {@code REJECTED}) changes a report in this status:
     * true from RECEIVED, false when it says the same again (a repeated decision changes nothing); a report already
     * decided the other way is refused (409 ILLEGAL_STATE).
     */
    public boolean changesTo(UsageReportStatus decision) {
        if (this == decision) {
            return false;
        }
        if (this != RECEIVED || decision == RECEIVED) {
            throw ProblemException.illegalState("Usage report", this, decision == ACCEPTED ? "accepted" : "rejected");
        }
        return true;
    }
}
