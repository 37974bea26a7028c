package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Problem;
import cn.cvp.console.api.Service;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Redemption (兑付) batches as the party that submits them sees them: the enterprise in Beijing, the provider in
 * Shanghai. One page and two actions for both portals; voucher-service decides who may open and submit which batch.
 */
@ApplicationScoped
public class RedemptionPages {
    private final Api api;
    private final Pages pages;
    private final ProgrammeCodes codes;

    public RedemptionPages(Api api, Pages pages, ProgrammeCodes codes) {
        this.api = api;
        this.pages = pages;
        this.codes = codes;
    }

    /** The batches the signed-in party may see; {@code base} is the portal's statements path. */
    public TemplateInstance page(String base, String msg, Problem problem) {
        List<Map<String, Object>> batches = api.get(Service.VOUCHER, "/api/settlement/batches").orPage().list();
        return pages.page("enterprise/statements").data("batches", batches).data("msg", msg).data("problem", problem)
                .data("programmes", codes.get()).data("base", base);
    }

    public Response open(String base, String programme, String period) {
        ApiResult r = api.post(Service.VOUCHER, "/api/settlement/batches",
                Map.of("programmeCode", programme == null ? "" : programme, "period", period == null ? "" : period));
        if (!r.ok()) {
            return refused(base, r);
        }
        return Forms.redirect(base, pages.ui().t("兑付批次已创建", "Redemption batch opened"));
    }

    public Response submit(String base, UUID id, String invoice, String certificate) {
        Map<String, Object> body = new HashMap<>();
        body.put("invoiceNumber", Forms.blankToNull(invoice));
        body.put("deliveryCertificateRef", Forms.blankToNull(certificate));
        ApiResult r = api.post(Service.VOUCHER, "/api/settlement/batches/" + id + "/submit", body);
        if (!r.ok()) {
            return refused(base, r);
        }
        return Forms.redirect(base, pages.ui().label(r.map().get("status")));
    }

    private Response refused(String base, ApiResult r) {
        return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(page(base, null, r.problem())).build();
    }
}
