package cn.cvp.console.web;

import cn.cvp.console.api.Problem;
import cn.cvp.console.api.ProblemPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal of what a page needs becomes a page with the same status: not found (also for another
 * organisation's data: the services answer 404), not allowed, sign in again, service unavailable.
 */
public class ProblemPages {
    private final Pages pages;

    public ProblemPages(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemPage e) {
        Problem p = e.problem();
        String template = switch (p.status()) {
            case 404 -> "notfound";
            default -> "problem";
        };
        return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page(template).data("problem", p)).build();
    }
}
