package cn.cvp.console.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The landing page (public) and the sign-in entry, which sends each person to the pages of their role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    private final Pages pages;

    public HomeResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public TemplateInstance home() {
        return pages.page("index");
    }

    /** Protected: reaching it means quarkus-oidc has signed the person in (code flow with PKCE). */
    @GET
    @Path("login")
    public Response login() {
        Ui.User u = pages.ui().user();
        String to = "/";
        if (u != null) {
            if (u.staff()) {
                to = u.is("auditor") && !u.is("approver") && !u.is("reviewer") ? "/office" : "/office/applications";
            } else if (u.enterprise()) {
                to = "/enterprise";
            } else if (u.provider()) {
                to = "/provider";
            }
        }
        return Response.seeOther(URI.create(to)).build();
    }
}
