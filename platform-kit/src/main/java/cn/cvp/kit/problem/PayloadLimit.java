package cn.cvp.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before JAX-RS sees it. Quarkus'
 * own check (a route of order -2) answers a bare 413; this route runs just before it and answers the same 413 as
 * problem+json PAYLOAD_TOO_LARGE. A chunked body that grows past the limit is still cut off by Quarkus.
 */
@ApplicationScoped
public class PayloadLimit {
    static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void register(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(ORDER).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= max) {
                ctx.next();
                return;
            }
            RouteProblems.end(ctx, 413, "PAYLOAD_TOO_LARGE", "The request body is too large (at most " + max + " bytes)",
                    "请求体过大（最多 " + max + " 字节）", Map.of(HttpHeaders.CONNECTION.toString(), "close"));
        });
    }
}
