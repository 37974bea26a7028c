package cn.cvp.kit.domain;

import java.util.List;
import java.util.Map;

/**
 * A change the programme's rules refuse, raised by the domain or a use case with a stable {@code code} and a
 * message in English and Chinese. It knows no HTTP: its {@link Kind} says what sort of refusal it is, and the edge
 * ({@code cn.cvp.kit.problem.ProblemMappers}) chooses the status for each kind, in one place. Thrown before anything
 * is stored or inside the use case's transaction, so nothing is stored.
 */
public class DomainException extends RuntimeException {

    /** What sort of refusal; the edge maps each to one HTTP status. */
    public enum Kind {
        /** The request itself is malformed or out of range (400). */
        INVALID,
        /** The caller may not do this to this resource, whatever its state (403). */
        FORBIDDEN,
        /** No such resource, or another tenant's (404). */
        NOT_FOUND,
        /** The resource's current state does not allow the change (409, with the current state). */
        ILLEGAL_STATE,
        /** The change collides with another resource or change (409). */
        CONFLICT,
        /** Well-formed, but a programme rule refuses it (422). */
        RULE_VIOLATION
    }

    /** One failed check among several, e.g. every automatic check that failed at submission. */
    public record Violation(String field, String code, String message) {
    }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final Map<String, Object> details;
    private final List<Violation> violations;

    public DomainException(Kind kind, String code, String messageEn, String messageZh) {
        this(kind, code, messageEn, messageZh, Map.of(), List.of());
    }

    public DomainException(Kind kind, String code, String messageEn, String messageZh,
                           Map<String, Object> details, List<Violation> violations) {
        super(messageEn);
        this.kind = kind;
        this.code = code;
        this.messageZh = messageZh;
        this.details = Map.copyOf(details);
        this.violations = List.copyOf(violations);
    }

    public static DomainException invalid(String code, String messageEn, String messageZh) {
        return new DomainException(Kind.INVALID, code, messageEn, messageZh);
    }

    public static DomainException forbidden(String code, String messageEn, String messageZh) {
        return new DomainException(Kind.FORBIDDEN, code, messageEn, messageZh);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "NOT_FOUND", what + " " + id + " was not found",
                "未找到" + what + " " + id);
    }

    /** An illegal state transition; nothing was changed. The current state travels as {@code currentState}. */
    public static DomainException illegalState(String what, Object state, String action) {
        return new DomainException(Kind.ILLEGAL_STATE, "ILLEGAL_STATE",
                what + " is " + state + " and cannot be " + action,
                what + "当前状态为 " + state + "，不能执行该操作（" + action + "）",
                Map.of("currentState", String.valueOf(state)), List.of());
    }

    public static DomainException conflict(String code, String messageEn, String messageZh) {
        return new DomainException(Kind.CONFLICT, code, messageEn, messageZh);
    }

    /** A programme rule refuses the change (the request was well-formed). */
    public static DomainException refused(String code, String messageEn, String messageZh) {
        return new DomainException(Kind.RULE_VIOLATION, code, messageEn, messageZh);
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public String messageEn() { return getMessage(); }
    public String messageZh() { return messageZh; }
    public Map<String, Object> details() { return details; }
    public List<Violation> violations() { return violations; }
}
