package cn.cvp.console.api;

import cn.cvp.console.ConsoleConfig;
import cn.cvp.console.web.Lang;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls the services with the signed-in person's own access token (token propagation: the bearer token of the
 * OIDC session, refreshed by quarkus-oidc when it expires). The console never decides what a person may do: it
 * passes on what the services answer (401/403/404/409/422 as {@link Problem}s).
 */
@RequestScoped
public class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private final Lang lang;
    private final ObjectMapper json;

    public Api(SecurityIdentity identity, ConsoleConfig config, Lang lang, ObjectMapper json) {
        this.identity = identity;
        this.config = config;
        this.lang = lang;
        this.json = json;
    }

    public ApiResult get(Service service, String path) {
        return call(service, "GET", path, null);
    }

    public ApiResult get(Service service, String path, Map<String, ?> query) {
        return call(service, "GET", path + query(query), null);
    }

    public ApiResult post(Service service, String path, Object body) {
        return call(service, "POST", path, body);
    }

    public ApiResult put(Service service, String path, Object body) {
        return call(service, "PUT", path, body);
    }

    /** A PUT of raw bytes (an uploaded document) with its media type. */
    public ApiResult putBytes(Service service, String path, byte[] content, String contentType) {
        return send(service, request(service, path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    public ApiResult delete(Service service, String path) {
        return call(service, "DELETE", path, null);
    }

    /** A download (CSV) as the service sends it. */
    public HttpResponse<byte[]> raw(Service service, String path) throws IOException, InterruptedException {
        return HTTP.send(request(service, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static String query(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.length() == 1 ? "" : q.toString();
    }

    private HttpRequest.Builder request(Service service, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(service) + path))
                .timeout(config.apiTimeout())
                .header("Accept", "application/json, application/problem+json, text/csv")
                .header("Accept-Language", lang.english() ? "en" : "zh");
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            b.header("Authorization", "Bearer " + token.getToken());
        }
        return b;
    }

    private ApiResult call(Service service, String method, String path, Object body) {
        HttpRequest.Builder b = request(service, path);
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
        return send(service, b);
    }

    private ApiResult send(Service service, HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Object parsed = r.body() == null || r.body().isBlank() ? null : parse(r.body());
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                return new ApiResult(r.statusCode(), parsed, null);
            }
            return new ApiResult(r.statusCode(), parsed, Problem.of(r.statusCode(), parsed));
        } catch (IOException e) {
            return new ApiResult(503, null, Problem.unreachable(service, e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiResult(503, null, Problem.unreachable(service, "interrupted"));
        }
    }

    private Object parse(String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private String base(Service service) {
        return switch (service) {
            case VOUCHER -> config.voucherUrl();
            case PROVIDER -> config.providerUrl();
            case ALLOCATION -> config.allocationUrl();
        };
    }
}
