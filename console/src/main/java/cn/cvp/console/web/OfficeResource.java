package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Service;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The programme office's pages (reviewer, approver, platform-admin; auditor read-only). Every action is the
 * service's call: a refusal (four eyes, own organisation, illegal state, not allowed) is shown where it happened.
 */
@Path("/office")
@Produces(MediaType.TEXT_HTML)
public class OfficeResource {
    static final int PAGE = 20;
    private final Api api;
    private final Pages pages;
    private final Engine engine;
    private final ProgrammeCodes codes;

    public OfficeResource(Api api, Pages pages, Engine engine, ProgrammeCodes codes) {
        this.api = api;
        this.pages = pages;
        this.engine = engine;
        this.codes = codes;
    }

    // ---------------------------------------------------------------- dashboard

    @GET
    public TemplateInstance dashboard(@QueryParam("programme") String code) {
        List<Map<String, Object>> programmes = api.get(Service.VOUCHER, "/api/programmes").orPage().list();
        Map<String, Object> programme = programmes.stream().filter(p -> p.get("code").equals(code)).findFirst()
                .orElse(programmes.isEmpty() ? null : programmes.get(0));
        TemplateInstance page = pages.page("office/dashboard").data("programmes", programmes).data("programme", programme);
        if (programme == null) {
            return page.data("d", null);
        }
        String pcode = programme.get("code").toString();
        ApiResult apps = api.get(Service.VOUCHER, "/api/applications", Map.of("programme", pcode, "size", 500));
        ApiResult vouchers = api.get(Service.VOUCHER, "/api/vouchers");
        ApiResult allocations = api.get(Service.ALLOCATION, "/api/allocations", Map.of("size", 200));
        return page.data("d", Dashboard.of(programme, apps.list(),
                        vouchers.list().stream().filter(v -> programme.get("id").equals(v.get("programmeId"))).toList(),
                        allocations.list(), java.time.Clock.systemUTC()))
                .data("problem", apps.ok() ? vouchers.problem() : apps.problem());
    }

    // ---------------------------------------------------------------- approval queue

    @GET
    @Path("applications")
    public TemplateInstance queue(@QueryParam("status") @DefaultValue("QUEUE") String status,
                                  @QueryParam("programme") String programme, @QueryParam("enterprise") String enterprise,
                                  @QueryParam("page") @DefaultValue("0") int page, @QueryParam("msg") String msg) {
        Map<String, Object> q = new HashMap<>();
        q.put("programme", Forms.blankToNull(programme));
        q.put("enterprise", Forms.blankToNull(enterprise));
        q.put("page", page);
        q.put("size", PAGE + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        ApiResult failed = null;
        for (String s : "QUEUE".equals(status) ? List.of("UNDER_REVIEW", "APPROVED") : List.of(status)) {
            Map<String, Object> one = new HashMap<>(q);
            if (!s.isBlank() && !"ALL".equals(s)) {
                one.put("status", s);
            }
            ApiResult r = api.get(Service.VOUCHER, "/api/applications", one);
            if (!r.ok()) {
                failed = r;
            }
            items.addAll(r.list());
        }
        if (failed != null && items.isEmpty()) {
            failed.orPage();
        }
        boolean more = items.size() > PAGE;
        return pages.page("office/applications").data("apps", more ? items.subList(0, PAGE) : items)
                .data("programmes", codes.get()).data("status", status).data("programme", programme)
                .data("enterprise", enterprise).data("page", page).data("more", more).data("msg", msg)
                .data("base", "/office/applications?status=" + status + "&programme=" + nz(programme) + "&enterprise=" + nz(enterprise) + "&");
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") UUID id) {
        Map<String, Object> a = api.get(Service.VOUCHER, "/api/applications/" + id).orPage().map();
        return pages.page("office/application").data("a", a).data("programmes", codes.get());
    }

    @POST
    @Path("applications/{id}/{action: review|approve|return|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @PathParam("action") String action, @FormParam("reason") String reason,
                           @FormParam("fragment") String fragment) {
        ApiResult r = switch (action) {
            case "review", "approve" -> api.post(Service.VOUCHER, "/api/applications/" + id + "/" + action, null);
            default -> api.post(Service.VOUCHER, "/api/applications/" + id + "/" + action, Map.of("reason", nz(reason)));
        };
        Ui ui = pages.ui();
        String done = null;
        if (r.ok()) {
            Map<String, Object> a = r.map();
            done = switch (action) {
                case "review" -> ui.t("已初审，待审批", "Reviewed; awaiting approval");
                case "approve" -> "ISSUED".equals(a.get("status")) ? ui.t("已批准并发券", "Approved: voucher issued")
                        : ui.t("第一审批人已批准，须另一名审批人复核", "First approval recorded; a second, different approver must approve");
                case "return" -> ui.t("已退回修改", "Returned for revision");
                default -> ui.t("已驳回", "Rejected");
            };
        }
        if ("row".equals(fragment)) {
            Map<String, Object> a = r.ok() ? r.map() : api.get(Service.VOUCHER, "/api/applications/" + id).map();
            return Response.ok(engine.getTemplate("tags/approw").data("a", a).data("ui", ui).data("done", done)
                    .data("problem", r.problem()).data("programmes", codes.get())).type(MediaType.TEXT_HTML_TYPE).build();
        }
        if (!r.ok()) {
            Map<String, Object> a = api.get(Service.VOUCHER, "/api/applications/" + id).orPage().map();
            return Response.status(r.status()).entity(pages.page("office/application").data("a", a)
                    .data("programmes", codes.get()).data("problem", r.problem())).type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Forms.redirect("/office/applications/" + id, done);
    }

    // ---------------------------------------------------------------- vouchers

    @GET
    @Path("vouchers")
    public TemplateInstance vouchers(@QueryParam("status") String status, @QueryParam("enterprise") String enterprise,
                                     @QueryParam("page") @DefaultValue("0") int page) {
        List<Map<String, Object>> all = api.get(Service.VOUCHER, "/api/vouchers").orPage().list().stream()
                .filter(v -> status == null || status.isBlank() || status.equals(v.get("status")))
                .filter(v -> enterprise == null || enterprise.isBlank() || enterprise.equals(v.get("enterpriseCreditCode")))
                .toList();
        int from = Math.min(page * PAGE, all.size());
        return pages.page("office/vouchers").data("vouchers", all.subList(from, Math.min(from + PAGE, all.size())))
                .data("total", all.size()).data("status", status).data("enterprise", enterprise).data("page", page)
                .data("more", from + PAGE < all.size()).data("programmes", codes.get())
                .data("base", "/office/vouchers?status=" + nz(status) + "&enterprise=" + nz(enterprise) + "&");
    }

    @GET
    @Path("vouchers/{id}")
    public TemplateInstance voucher(@PathParam("id") UUID id, @QueryParam("msg") String msg) {
        return voucherPage(id, null).data("msg", msg);
    }

    private TemplateInstance voucherPage(UUID id, cn.cvp.console.api.Problem problem) {
        Map<String, Object> v = api.get(Service.VOUCHER, "/api/vouchers/" + id).orPage().map();
        List<Map<String, Object>> ledger = api.get(Service.VOUCHER, "/api/vouchers/" + id + "/ledger").list();
        return pages.page("office/voucher").data("v", v).data("ledger", ledger).data("problem", problem)
                .data("programmes", codes.get());
    }

    @POST
    @Path("vouchers/{id}/{action: freeze|unfreeze|revoke}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response voucherAction(@PathParam("id") UUID id, @PathParam("action") String action, @FormParam("reason") String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Forms.blankToNull(reason));
        ApiResult r = api.post(Service.VOUCHER, "/api/vouchers/" + id + "/" + action, body);
        if (!r.ok()) {
            return Response.status(r.status()).entity(voucherPage(id, r.problem()).data("action", action))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Forms.redirect("/office/vouchers/" + id, pages.ui().t("已更新：", "Updated: ") + pages.ui().label(r.map().get("status")));
    }

    // ---------------------------------------------------------------- providers (accreditation)

    @GET
    @Path("providers")
    public TemplateInstance providers(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("msg") String msg) {
        Map<String, Object> q = new HashMap<>();
        q.put("status", Forms.blankToNull(status));
        q.put("page", page);
        q.put("size", PAGE + 1);
        List<Map<String, Object>> items = api.get(Service.PROVIDER, "/api/providers", q).orPage().list();
        List<Map<String, Object>> notices = api.get(Service.PROVIDER, "/api/public-notices").list();
        boolean more = items.size() > PAGE;
        return pages.page("office/providers").data("providers", more ? items.subList(0, PAGE) : items)
                .data("notices", notices).data("status", status).data("page", page).data("more", more).data("msg", msg)
                .data("base", "/office/providers?status=" + nz(status) + "&");
    }

    @POST
    @Path("providers/{id}/{action: verification|verification-return|public-notice|listing|suspension|reinstatement|removal|accreditation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response providerAction(@PathParam("id") UUID id, @PathParam("action") String action,
                                   @FormParam("reason") String reason, @FormParam("programmes") String programmes) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Forms.blankToNull(reason));
        List<String> codes = programmes == null || programmes.isBlank() ? null
                : List.of(programmes.toUpperCase().split("[,，\\s]+"));
        String path = switch (action) {
            case "verification-return" -> "verification/return";
            default -> action;
        };
        if ("public-notice".equals(action) && codes != null) {
            body.put("programmeMemberships", codes);
        }
        if ("accreditation".equals(action)) {
            body.put("programmeMemberships", codes == null ? List.of() : codes);
        }
        ApiResult r = api.post(Service.PROVIDER, "/api/providers/" + id + "/" + path, body);
        if (!r.ok()) {
            return Response.status(r.status()).entity(providers(null, 0, null).data("problem", r.problem()).data("failedId", id.toString()))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Forms.redirect("/office/providers", r.map().get("name") + ": " + pages.ui().label(r.map().get("status")));
    }

    // ---------------------------------------------------------------- flagged usage

    @GET
    @Path("flagged")
    public TemplateInstance flagged(@QueryParam("decision") String decision, @QueryParam("page") @DefaultValue("0") int page) {
        Map<String, Object> q = new HashMap<>();
        q.put("flagged", "true");
        q.put("decision", Forms.blankToNull(decision));
        q.put("page", page);
        q.put("size", PAGE);
        ApiResult r = api.get(Service.ALLOCATION, "/api/usage-decisions", q).orPage();
        Object total = r.map().get("total");
        return pages.page("office/flagged").data("items", r.list()).data("total", total).data("decision", decision)
                .data("page", page).data("more", Fmt.toLong(total) != null && (page + 1L) * PAGE < Fmt.toLong(total))
                .data("base", "/office/flagged?decision=" + nz(decision) + "&");
    }

    // ---------------------------------------------------------------- settlement

    @GET
    @Path("settlement")
    public TemplateInstance settlement(@QueryParam("status") String status, @QueryParam("msg") String msg,
                                       @QueryParam("programme") String programme, @QueryParam("period") String period) {
        List<Map<String, Object>> batches = api.get(Service.VOUCHER, "/api/settlement/batches").orPage().list().stream()
                .filter(b -> status == null || status.isBlank() || status.equals(b.get("status"))).toList();
        TemplateInstance page = pages.page("office/settlement").data("batches", batches).data("status", status).data("msg", msg)
                .data("programmes", codes.get()).data("programme", programme).data("period", period);
        if (programme != null && !programme.isBlank() && period != null && !period.isBlank()) {
            ApiResult s = api.get(Service.VOUCHER, "/api/settlement/statements", Map.of("programme", programme, "period", period));
            page.data("statement", s.ok() ? s.map() : null).data("statementProblem", s.problem());
        }
        return page;
    }

    @POST
    @Path("settlement/{id}/{action: approve|return|paid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settlementAction(@PathParam("id") UUID id, @PathParam("action") String action,
                                     @FormParam("reason") String reason, @FormParam("paymentReference") String ref) {
        Object body = switch (action) {
            case "return" -> Map.of("reason", nz(reason));
            case "paid" -> Map.of("paymentReference", nz(ref));
            default -> null;
        };
        ApiResult r = api.post(Service.VOUCHER, "/api/settlement/batches/" + id + "/" + action, body);
        if (!r.ok()) {
            return Response.status(r.status()).entity(settlement(null, null, null, null).data("problem", r.problem())
                    .data("failedId", id.toString())).type(MediaType.TEXT_HTML_TYPE).build();
        }
        return Forms.redirect("/office/settlement", pages.ui().label(r.map().get("status")));
    }

    /** The batch's CSV, as voucher-service makes it, downloaded with the person's own token. */
    @GET
    @Path("settlement/{id}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) throws Exception {
        HttpResponse<byte[]> r = api.raw(Service.VOUCHER, "/api/settlement/batches/" + id + "/export.csv");
        if (r.statusCode() != 200) {
            return Response.status(r.statusCode()).type(MediaType.TEXT_PLAIN_TYPE).entity("HTTP " + r.statusCode()).build();
        }
        return Response.ok(r.body(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"settlement-" + id + ".csv\"").build();
    }

    // ---------------------------------------------------------------- audit

    @GET
    @Path("audit")
    public TemplateInstance audit(@QueryParam("service") @DefaultValue("VOUCHER") String service,
                                  @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                                  @QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("page") @DefaultValue("0") int page) {
        Service s;
        try {
            s = Service.valueOf(service);
        } catch (IllegalArgumentException e) {
            s = Service.VOUCHER;
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("targetType", Forms.blankToNull(targetType));
        q.put("targetId", Forms.blankToNull(targetId));
        q.put("actor", Forms.blankToNull(actor));
        q.put("action", Forms.blankToNull(action));
        q.put("page", page);
        q.put("size", PAGE + 1);
        ApiResult r = api.get(s, "/api/audit", q);
        List<Map<String, Object>> items = r.list();
        boolean more = items.size() > PAGE;
        Map<String, Object> keep = new LinkedHashMap<>(q);
        keep.remove("page");
        keep.remove("size");
        keep.put("service", s.name());
        return pages.page("office/audit").data("items", more ? items.subList(0, PAGE) : items).data("problem", r.problem())
                .data("service", s.name()).data("targetType", targetType).data("targetId", targetId).data("actor", actor)
                .data("action", action).data("page", page).data("more", more)
                .data("base", "/office/audit" + (Api.query(keep).isEmpty() ? "?" : Api.query(keep) + "&"));
    }

    // ----------------------------------------------------------------


    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
