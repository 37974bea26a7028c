package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * No double-dipping (不得重复享受): compute that already receives another municipal subsidy, as the applicant declares,
 * is not subsidised again.
 */
public final class NoDoubleDipping {
    private NoDoubleDipping() {
    }

    public static Optional<Refusal> check(boolean otherSubsidyDeclared) {
        if (otherSubsidyDeclared) {
            return Optional.of(new Refusal("DOUBLE_DIPPING",
                    "The same compute already receives another municipal subsidy",
                    "同一算力已享受其他市级补贴，不得重复申请"));
        }
        return Optional.empty();
    }
}
