package cn.cvp.voucher.support;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;

/** The organisation an enterprise or provider user acts for (the token's {@code org_id}). */
public final class Organisations {
    private Organisations() {
    }

    /** The actor's organisation, required: an enterprise or provider without one cannot act. */
    public static String require(Actor actor) {
        String org = actor.organisation();
        if (org == null || org.isBlank()) {
            throw DomainException.forbidden("NO_ORGANISATION",
                    "Your account is not linked to an organisation", "您的账号未关联任何组织");
        }
        return org;
    }
}
