package cn.cvp.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A refusal answered by a Vert.x route, before JAX-RS: the same problem+json body as {@link Problem#response}. */
final class RouteProblems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteProblems() {
    }

    static void end(RoutingContext ctx, int status, String code, String en, String zh, Map<String, String> headers) {
        String language = ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        boolean chinese = language != null && language.toLowerCase(Locale.ROOT).startsWith("zh");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://cvp.example.cn/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", chinese ? zh : en);
        body.put("code", code);
        body.put("messages", Map.of("en", en, "zh", zh));
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body of plain strings always serialises", e);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8");
        headers.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().end(text);
    }
}
