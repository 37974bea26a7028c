package cn.cvp.allocation.support;

import cn.cvp.kit.problem.ProblemException;

import java.util.UUID;

/** Reads ids from request paths and query parameters. */
public final class Ids {

    private Ids() {
    }

    /** A path id that is not a UUID names nothing: 404, as for any unknown resource. */
    public static UUID pathId(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, value);
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
            throw ProblemException.invalid("INVALID_FORMAT",
                    "Query parameter '" + parameter + "' must be a UUID, not '" + value + "'",
                    "查询参数 '" + parameter + "' 必须是 UUID，而不是 '" + value + "'");
        }
    }
}
