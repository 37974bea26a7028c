package cn.cvp.kit.problem;

import cn.cvp.kit.domain.DomainException;

import java.util.List;
import java.util.Map;

/**
 * A request the platform refuses, answered as RFC 9457 problem+json with a stable {@code code}
 * and a message in Chinese and English. Thrown before anything is stored, or inside the use case's
 * transaction so that nothing is stored.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageZh;
    private final Map<String, Object> extensions;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String messageEn, String messageZh) {
        this(status, code, messageEn, messageZh, Map.of(), List.of());
    }

    public ProblemException(int status, String code, String messageEn, String messageZh,
                            Map<String, Object> extensions, List<FieldError> errors) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.extensions = extensions;
        this.errors = errors;
    }

    /** The HTTP answer to a domain refusal: one status per kind, chosen here and nowhere else. */
    public static ProblemException of(DomainException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case ILLEGAL_STATE, CONFLICT -> 409;
            case RULE_VIOLATION -> 422;
        };
        return new ProblemException(status, e.code(), e.messageEn(), e.messageZh(), e.details(),
                e.violations().stream().map(v -> new FieldError(v.field(), v.code(), v.message())).toList());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "NOT_FOUND", what + " " + id + " was not found",
                "未找到" + what + " " + id);
    }

    /** An illegal state transition: 409 with the current state; nothing was changed. */
    public static ProblemException illegalState(String what, Object state, String action) {
        return new ProblemException(409, "ILLEGAL_STATE",
                what + " is " + state + " and cannot be " + action,
                what + "当前状态为 " + state + "，不能执行该操作（" + action + "）",
                Map.of("currentState", String.valueOf(state)), List.of());
    }

    public static ProblemException invalid(String code, String messageEn, String messageZh) {
        return new ProblemException(400, code, messageEn, messageZh);
    }

    public static ProblemException unprocessable(String code, String messageEn, String messageZh) {
        return new ProblemException(422, code, messageEn, messageZh);
    }

    public static ProblemException conflict(String code, String messageEn, String messageZh) {
        return new ProblemException(409, code, messageEn, messageZh);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String messageEn() { return getMessage(); }
    public String messageZh() { return messageZh; }
    public Map<String, Object> extensions() { return extensions; }
    public List<FieldError> errors() { return errors; }

    public record FieldError(String field, String code, String message) {
    }
}
