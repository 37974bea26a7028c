package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Service;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/** 公示: providers on public notice, readable by anyone signed in; an objection sends the provider back to verification. */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
public class NoticeResource {
    private final Api api;
    private final Pages pages;

    public NoticeResource(Api api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GET
    public TemplateInstance notices(@QueryParam("msg") String msg) {
        return pages.page("notices").data("notices", api.get(Service.PROVIDER, "/api/public-notices").orPage().list()).data("msg", msg);
    }

    @POST
    @Path("{providerId}/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response object(@PathParam("providerId") UUID providerId, @FormParam("reason") String reason) {
        ApiResult r = api.post(Service.PROVIDER, "/api/public-notices/" + providerId + "/objections", Map.of("reason", reason == null ? "" : reason));
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(notices(null).data("problem", r.problem())
                    .data("failedId", providerId.toString())).build();
        }
        return Forms.redirect("/notices", pages.ui().t("异议已提交，该机构退回平台核验", "Objection filed: the provider goes back to verification"));
    }
}
