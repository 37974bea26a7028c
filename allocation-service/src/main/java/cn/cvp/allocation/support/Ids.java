package cn.cvp.allocation.support;

import cn.cvp.kit.domain.DomainException;

import java.util.UUID;

/**
 * Reads ids from request paths and query parameters. Refusals are domain errors (the kit's problem mapping gives
 * NOT_FOUND 404 and INVALID_FORMAT 400), so this service-wide helper needs nothing of HTTP.
 */
public final class Ids {

    private Ids() {
    }

    /** A path id that is not a UUID names nothing: 404, as for any unknown resource. */
    public static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(what, value);
        }
    }

    /** An optional filter; a malformed one is the caller's mistake: 400. */
    public static UUID filterId(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("INVALID_FORMAT",
                    "Query parameter '" + parameter + "' must be a UUID, not '" + value + "'",
                    "查询参数 '" + parameter + "' 必须是 UUID，而不是 '" + value + "'");
        }
    }
}
