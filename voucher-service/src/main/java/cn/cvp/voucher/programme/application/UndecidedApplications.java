package cn.cvp.voucher.programme.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.domain.Programme;

/**
 * What closing a programme does to the applications still waiting for a decision: the review context lapses them
 * and releases what they reserved (it implements this), in the closing transaction.
 */
public interface UndecidedApplications {

    /** Lapses every undecided application of the programme; returns how many. */
    int lapseAll(Programme programme, String reason, Actor actor);
}
