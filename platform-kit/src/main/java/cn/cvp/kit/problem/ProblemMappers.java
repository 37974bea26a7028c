package cn.cvp.kit.problem;

import cn.cvp.kit.domain.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps every refusal to problem+json with a stable code. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return Problem.response(e, headers);
    }

    /** The one place where a domain refusal's kind becomes an HTTP status. */
    @ServerExceptionMapper
    public Response domain(DomainException e, HttpHeaders headers) {
        return Problem.response(ProblemException.of(e), headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(fieldOf(v.getPropertyPath().toString()),
                        "INVALID_FIELD", v.getMessage()))
                .sorted(java.util.Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        String fields = errors.stream().map(ProblemException.FieldError::field).distinct()
                .collect(Collectors.joining(", "));
        return Problem.response(new ProblemException(400, "VALIDATION_FAILED",
                "The request has invalid fields: " + fields, "请求中以下字段无效：" + fields, Map.of(), errors), headers);
    }

    /** Declared for the subtypes too: Quarkus has built-in mappers for them, and the closest type wins. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class, StreamConstraintsException.class})
    public Response unreadable(JsonProcessingException e, HttpHeaders headers) {
        String where = "";
        String code = "MALFORMED_JSON";
        String en = "The request body is not valid JSON";
        String zh = "请求体不是有效的 JSON";
        List<ProblemException.FieldError> errors = List.of();
        if (exceedsLimits(e)) {
            code = "INPUT_LIMIT_EXCEEDED";
            en = "The request body exceeds a limit (at most " + StrictJson.MAX_NESTING_DEPTH
                    + " levels of nesting, " + StrictJson.MAX_STRING_LENGTH + " characters per string)";
            zh = "请求体超出限制（嵌套最多 " + StrictJson.MAX_NESTING_DEPTH + " 层，每个字符串最多 "
                    + StrictJson.MAX_STRING_LENGTH + " 个字符）";
        } else if (e instanceof com.fasterxml.jackson.core.JsonParseException p
                && p.getOriginalMessage() != null && p.getOriginalMessage().startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION: "Duplicate field 'purpose'"
            String field = p.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'.*$", "$1");
            code = "DUPLICATE_FIELD";
            en = "Field '" + field + "' appears more than once";
            zh = "字段 '" + field + "' 重复出现";
            errors = List.of(new ProblemException.FieldError(field, code, en));
        } else if (e instanceof UnrecognizedPropertyException u) {
            where = path(u);
            String field = where.isEmpty() ? u.getPropertyName() : where;
            code = "UNKNOWN_FIELD";
            en = "Unknown field '" + field + "'";
            zh = "未知字段 '" + field + "'";
            errors = List.of(new ProblemException.FieldError(field, code, en));
        } else if (e instanceof InvalidFormatException f) {
            where = path(f);
            code = f.getTargetType() != null && f.getTargetType().isEnum() ? "UNKNOWN_ENUM_VALUE" : "INVALID_FORMAT";
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? " (allowed: " + java.util.Arrays.toString(f.getTargetType().getEnumConstants()) + ")" : "";
            en = "Field '" + where + "' has an invalid value '" + f.getValue() + "'" + allowed;
            zh = "字段 '" + where + "' 的值 '" + f.getValue() + "' 无效" + allowed;
        } else if (e instanceof MismatchedInputException m) {
            where = path(m);
            code = "INVALID_FORMAT";
            en = "Field '" + where + "' has the wrong type or shape";
            zh = "字段 '" + where + "' 的类型或结构不正确";
        }
        return Problem.response(new ProblemException(400, code, en, zh, Map.of(), errors), headers);
    }

    /** No or an invalid token. Reached because the kit checks permissions in JAX-RS, not proactively. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            NotAuthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        return unauthenticated(headers);
    }

    @ServerExceptionMapper({ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class})
    public Response forbidden(RuntimeException e, HttpHeaders headers) {
        return Problem.response(new ProblemException(403, "FORBIDDEN",
                "Your role does not allow this operation", "您的角色无权执行此操作"), headers);
    }

    /** The database is unreachable (or restarting): the client may retry; anything else stays a 500. */
    @ServerExceptionMapper({JDBCException.class, SQLException.class})
    public Response database(Exception e, HttpHeaders headers) {
        if (Unavailable.isConnectionFailure(e)) {
            return unavailable(headers);
        }
        LOG.error("database error", e);
        return Problem.response(new ProblemException(500, "INTERNAL_ERROR",
                "An unexpected error occurred", "发生意外错误"), headers);
    }

    static Response unavailable(HttpHeaders headers) {
        return Response.fromResponse(Problem.response(new ProblemException(503, "SERVICE_UNAVAILABLE",
                        "The service is temporarily unavailable; retry in a few seconds",
                        "服务暂时不可用，请稍后重试"), headers))
                .header(HttpHeaders.RETRY_AFTER, Unavailable.RETRY_AFTER_SECONDS).build();
    }

    private static Response unauthenticated(HttpHeaders headers) {
        return Response.fromResponse(Problem.response(new ProblemException(401, "UNAUTHENTICATED",
                        "Sign in: the request has no valid bearer token", "请先登录：请求缺少有效的访问令牌"), headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Body readers wrap unreadable JSON in a 400 WebApplicationException; other statuses keep theirs. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonProcessingException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json, headers);
        }
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(null, headers);
        }
        if (status == 401) {
            return unauthenticated(headers);
        }
        if (status == 403) {
            return forbidden(e, headers);
        }
        if (status == 503) {
            return unavailable(headers);
        }
        if (status == 400) {
            return Problem.response(new ProblemException(400, "BAD_REQUEST", "The request is not valid: " + e.getMessage(),
                    "请求无效：" + e.getMessage()), headers);
        }
        if (status == 413) {
            return Problem.response(new ProblemException(413, "PAYLOAD_TOO_LARGE", "The request body is too large",
                    "请求体过大"), headers);
        }
        if (status == 415) {
            return Problem.response(new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE",
                    "Send the request body as application/json", "请求体须为 application/json"), headers);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return Problem.response(new ProblemException(404, "NOT_FOUND", "Resource not found", "资源不存在"), headers);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentChange(Exception e, HttpHeaders headers) {
        return Problem.response(new ProblemException(409, "CONCURRENT_MODIFICATION",
                "Someone else changed this resource at the same time; reload and try again",
                "该资源已被他人同时修改，请刷新后重试"), headers);
    }

    /** The reader's limits (StrictJson) may surface wrapped in a mapping exception. */
    private static boolean exceedsLimits(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException
                    || (t.getMessage() != null && t.getMessage().contains("StreamReadConstraints"))) {
                return true;
            }
        }
        return false;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String fieldOf(String propertyPath) {
        // "submit.request.amountFen" -> "amountFen"; keep nested paths after the parameter name
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
