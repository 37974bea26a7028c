package cn.cvp.provider.support;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Actor;
import cn.cvp.kit.security.Caller;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Arrays;
import java.util.Locale;

/** Small translations from a request to what the use cases and queries need; for the api packages. */
public final class Callers {
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_PAGE = 100_000;

    private Callers() {
    }

    /**
     * The acting user of an enterprise or provider: a token without an organisation cannot act (403
     * NO_ORGANISATION); the actor's organisation is the token's.
     */
    public static Actor organisationActor(Caller caller) {
        caller.requireOrganisation();
        return caller.actor();
    }

    public static Viewer viewer(Caller caller) {
        return new Viewer(caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AUDITOR), caller.organisation());
    }

    public static Page page(int index, int size) {
        return new Page(index, size);
    }

    /**
     * A query parameter naming an enum constant, or null when absent. An unknown value is 400
     * UNKNOWN_ENUM_VALUE (JAX-RS would answer 404 for a query parameter it cannot convert).
     */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants());
            throw new ProblemException(400, "UNKNOWN_ENUM_VALUE",
                    "Parameter '" + parameter + "' has an invalid value '" + value + "' (allowed: " + allowed + ")",
                    "参数 '" + parameter + "' 的值 '" + value + "' 无效 (allowed: " + allowed + ")");
        }
    }

    /** Whether the caller prefers Chinese (Accept-Language: zh…); English otherwise. */
    public static boolean chinese(HttpHeaders headers) {
        return headers != null && headers.getAcceptableLanguages().stream().findFirst()
                .map(l -> l.getLanguage().equals(Locale.CHINESE.getLanguage())).orElse(false);
    }
}
