package cn.cvp.console.api;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem the services answered (or one the console makes when a service cannot be reached), with
 * its stable code, both languages and the field errors, ready to be shown next to the field or action.
 */
@io.quarkus.qute.TemplateData
public record Problem(int status, String code, String en, String zh, List<FieldError> errors) {

    @io.quarkus.qute.TemplateData
    public record FieldError(String field, String code, String message) {
        /** The last part of the field path ({@code create.request.demand.cardHours} → {@code cardHours}). */
        public String name() {
            if (field == null) {
                return "";
            }
            int dot = field.lastIndexOf('.');
            return dot < 0 ? field : field.substring(dot + 1);
        }
    }

    @SuppressWarnings("unchecked")
    static Problem of(int status, Object body) {
        if (body instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            String code = str(map.get("code"));
            String detail = str(map.get("detail"));
            String en = detail;
            String zh = detail;
            if (map.get("messages") instanceof Map<?, ?> messages) {
                en = messages.get("en") != null ? messages.get("en").toString() : en;
                zh = messages.get("zh") != null ? messages.get("zh").toString() : zh;
            }
            List<FieldError> errors = List.of();
            if (map.get("errors") instanceof List<?> list) {
                errors = list.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e)
                        .map(e -> new FieldError(str(e.get("field")), str(e.get("code")), str(e.get("message")))).toList();
            }
            if (code == null) {
                code = "HTTP_" + status;
            }
            return new Problem(status, code, en != null ? en : generic(status, false), zh != null ? zh : generic(status, true), errors);
        }
        return new Problem(status, "HTTP_" + status, generic(status, false), generic(status, true), List.of());
    }

    static Problem unreachable(Service service, String why) {
        String name = service.name().toLowerCase() + "-service";
        return new Problem(503, "SERVICE_UNAVAILABLE", name + " cannot be reached right now (" + why + "); try again shortly",
                name + " 暂时无法访问（" + why + "），请稍后再试", List.of());
    }

    private static String generic(int status, boolean zh) {
        return switch (status) {
            case 401 -> zh ? "登录已失效，请重新登录" : "Your sign-in has expired; please sign in again";
            case 403 -> zh ? "您没有执行此操作的权限" : "You are not allowed to do this";
            case 404 -> zh ? "未找到，或不属于您的组织" : "Not found, or not your organisation's";
            default -> zh ? "服务返回错误 " + status : "The service answered with error " + status;
        };
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** The message in the page's language. */
    public String message(boolean english) {
        return english ? en : zh;
    }

    /** The message in the other language (shown beneath, so every message is bilingual). */
    public String other(boolean english) {
        return english ? zh : en;
    }

    /** The field error for a form field, or null. */
    public FieldError field(String name) {
        return errors.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
