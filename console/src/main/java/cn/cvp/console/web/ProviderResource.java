package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Problem;
import cn.cvp.console.api.Service;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The provider's pages: registration and accreditation, offerings, allocations, usage upload and reports. */
@Path("/provider")
@Produces(MediaType.TEXT_HTML)
public class ProviderResource {
    static final int PAGE = 20;
    /** Records per call of the usage batch API from the upload page (the API takes at most 1,000). */
    public static final int CHUNK = 500;
    private static final String STATEMENTS = "/provider/statements";
    private final Api api;
    private final Pages pages;
    private final ProgrammeCodes codes;
    private final RedemptionPages redemption;

    public ProviderResource(Api api, Pages pages, ProgrammeCodes codes, RedemptionPages redemption) {
        this.api = api;
        this.pages = pages;
        this.codes = codes;
        this.redemption = redemption;
    }

    @GET
    public TemplateInstance home(@QueryParam("msg") String msg) {
        return homePage(msg, null, Map.of());
    }

    private TemplateInstance homePage(String msg, Problem problem, Map<String, Object> form) {
        ApiResult me = api.get(Service.PROVIDER, "/api/providers/me");
        if (!me.ok() && me.status() != 404) {
            me.orPage();
        }
        return pages.page("provider/home").data("me", me.ok() ? me.map() : null).data("msg", msg).data("problem", problem)
                .data("form", form);
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@FormParam("name") String name, @FormParam("creditCode") String creditCode,
                             @FormParam("region") String region, @FormParam("yearsOperating") String years,
                             @FormParam("site") String site, @FormParam("privatelyInvested") String privatelyInvested) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", creditCode);
        body.put("region", region);
        body.put("yearsOperating", Fmt.toLong(years));
        body.put("site", site);
        body.put("privatelyInvested", privatelyInvested != null);
        body.put("relatedParties", List.of());
        ApiResult r = api.post(Service.PROVIDER, "/api/providers", body);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(homePage(null, r.problem(), body)).build();
        }
        return Forms.redirect("/provider", pages.ui().t("机构登记成功", "Provider registered"));
    }

    @POST
    @Path("{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response selfAssess(@PathParam("id") UUID id, @FormParam("legalEntity") String legalEntity,
                               @FormParam("fixedSite") String fixedSite, @FormParam("priceListRef") String priceListRef,
                               @FormParam("statement") String statement, @FormParam("programmes") String programmes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalEntity", legalEntity != null);
        body.put("fixedSite", fixedSite != null);
        body.put("priceListRef", priceListRef);
        body.put("statement", Forms.blankToNull(statement));
        body.put("programmes", programmes == null ? List.of() : Arrays.stream(programmes.toUpperCase().split("[\\s,，]+")).filter(s -> !s.isBlank()).toList());
        ApiResult r = api.post(Service.PROVIDER, "/api/providers/" + id + "/self-assessment", body);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(homePage(null, r.problem(), body)).build();
        }
        return Forms.redirect("/provider", pages.ui().t("自评已提交，等待平台核验", "Self-assessment submitted; awaiting verification"));
    }

    @POST
    @Path("{id}/exit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response exit(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Forms.blankToNull(reason));
        ApiResult r = api.post(Service.PROVIDER, "/api/providers/" + id + "/exit", body);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(homePage(null, r.problem(), Map.of())).build();
        }
        return Forms.redirect("/provider", pages.ui().label(r.map().get("status")));
    }

    // ---------------------------------------------------------------- offerings

    @GET
    @Path("offerings")
    public TemplateInstance offerings(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("msg") String msg) {
        return offeringsPage(status, page, msg, null, null, defaults());
    }

    private static Map<String, Object> defaults() {
        LocalDate today = LocalDate.now(Fmt.SHANGHAI);
        Map<String, Object> f = new HashMap<>();
        f.put("resourceClass", "GPU_A800_80G");
        f.put("region", "110108");
        f.put("units", "8");
        f.put("availableFrom", today.toString());
        f.put("availableTo", today.plusDays(90).toString());
        return f;
    }

    private TemplateInstance offeringsPage(String status, int page, String msg, Problem problem, String failedId, Map<String, Object> form) {
        Map<String, Object> q = new HashMap<>();
        q.put("status", Forms.blankToNull(status));
        q.put("page", page);
        q.put("size", PAGE + 1);
        List<Map<String, Object>> items = api.get(Service.PROVIDER, "/api/offerings", q).orPage().list();
        boolean more = items.size() > PAGE;
        return pages.page("provider/offerings").data("offerings", more ? items.subList(0, PAGE) : items).data("status", status)
                .data("page", page).data("more", more).data("msg", msg).data("problem", problem).data("failedId", failedId)
                .data("form", form).data("base", "/provider/offerings?status=" + (status == null ? "" : status) + "&");
    }

    @POST
    @Path("offerings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createOffering(@FormParam("resourceClass") String resourceClass, @FormParam("region") String region,
                                   @FormParam("units") String units, @FormParam("unitPrice") String unitPrice,
                                   @FormParam("availableFrom") String from, @FormParam("availableTo") String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resourceClass", Forms.blankToNull(resourceClass));
        body.put("region", region);
        body.put("units", Fmt.toLong(units));
        body.put("unitPriceFen", Fmt.fenOf(unitPrice));
        body.put("availableFrom", startOfDay(from));
        body.put("availableTo", startOfDay(to));
        ApiResult r = api.post(Service.PROVIDER, "/api/offerings", body);
        if (!r.ok()) {
            Map<String, Object> form = new HashMap<>(Map.of("resourceClass", nz(resourceClass), "region", nz(region), "units", nz(units),
                    "unitPrice", nz(unitPrice), "availableFrom", nz(from), "availableTo", nz(to)));
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(offeringsPage(null, 0, null, r.problem(), "new", form)).build();
        }
        return Forms.redirect("/provider/offerings", pages.ui().t("已创建草稿，发布后可被撮合", "Draft created; publish it to be matched"));
    }

    @POST
    @Path("offerings/{id}/{action: publish|withdraw|revisions}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response offeringAction(@PathParam("id") UUID id, @PathParam("action") String action,
                                   @FormParam("units") String units, @FormParam("unitPrice") String unitPrice,
                                   @FormParam("availableTo") String to) {
        Object body = null;
        if ("revisions".equals(action)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("units", Fmt.toLong(units));
            m.put("unitPriceFen", Fmt.fenOf(unitPrice));
            m.put("availableTo", startOfDay(to));
            body = m;
        }
        ApiResult r = api.post(Service.PROVIDER, "/api/offerings/" + id + "/" + action, body);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(offeringsPage(null, 0, null, r.problem(), id.toString(), defaults())).build();
        }
        return Forms.redirect("/provider/offerings", pages.ui().label(r.map().get("status")) + " · v" + r.map().get("version"));
    }

    // ---------------------------------------------------------------- allocations

    @GET
    @Path("allocations")
    public TemplateInstance allocations(@QueryParam("page") @DefaultValue("0") int page) {
        List<Map<String, Object>> items = api.get(Service.PROVIDER, "/api/allocations", Map.of("page", page, "size", PAGE + 1)).orPage().list();
        boolean more = items.size() > PAGE;
        return pages.page("provider/allocations").data("allocations", more ? items.subList(0, PAGE) : items).data("page", page)
                .data("more", more).data("base", "/provider/allocations?");
    }

    // ---------------------------------------------------------------- usage

    @GET
    @Path("usage")
    public TemplateInstance usage() {
        List<Map<String, Object>> billable = api.get(Service.PROVIDER, "/api/allocations", Map.of("size", 50)).list().stream()
                .filter(a -> "HELD".equals(a.get("status")) || "ACTIVE".equals(a.get("status"))).toList();
        return pages.page("provider/usage").data("chunk", CHUNK).data("allocations", billable);
    }

    /**
     * One chunk of the upload page's CSV, passed to the usage batch API as it is; the answer (counts and one result
     * per record) goes back to the page. JSON only: a cross-site form cannot post it.
     */
    @POST
    @Path("usage/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response usageBatch(Map<String, Object> batch) {
        ApiResult r = api.post(Service.PROVIDER, "/api/usage-reports", batch);
        if (!r.ok()) {
            Problem p = r.problem();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", r.status());
            body.put("code", p.code());
            body.put("message", p.message(pages.ui().en()));
            body.put("other", p.other(pages.ui().en()));
            return Response.status(r.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        return Response.ok(r.body(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("usage/reports")
    public TemplateInstance reports(@QueryParam("status") String status, @QueryParam("allocationId") String allocation,
                                    @QueryParam("page") @DefaultValue("0") int page) {
        Map<String, Object> q = new HashMap<>();
        q.put("status", Forms.blankToNull(status));
        q.put("allocationId", Forms.blankToNull(allocation));
        q.put("page", page);
        q.put("size", PAGE + 1);
        ApiResult r = api.get(Service.PROVIDER, "/api/usage-reports", q);
        List<Map<String, Object>> items = r.list();
        boolean more = items.size() > PAGE;
        return pages.page("provider/reports").data("reports", more ? items.subList(0, PAGE) : items).data("problem", r.problem())
                .data("status", status).data("allocationId", allocation).data("page", page).data("more", more)
                .data("base", "/provider/usage/reports?status=" + nz(status) + "&allocationId=" + nz(allocation) + "&");
    }

    // ---------------------------------------------------------------- redemption (兑付) batches the provider submits

    @GET
    @Path("statements")
    public TemplateInstance statements(@QueryParam("msg") String msg) {
        return redemption.page(STATEMENTS, msg, null);
    }

    @POST
    @Path("statements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openBatch(@FormParam("programmeCode") String programme, @FormParam("period") String period) {
        return redemption.open(STATEMENTS, programme, period);
    }

    @POST
    @Path("statements/{id}/submit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submitBatch(@PathParam("id") UUID id, @RestForm String invoiceNumber,
                                @RestForm String deliveryCertificateRef, @RestForm String coPaymentPaidOn,
                                @RestForm FileUpload invoiceFile, @RestForm FileUpload certificateFile) {
        return redemption.submit(STATEMENTS, id, new RedemptionPages.Submission(invoiceNumber, deliveryCertificateRef,
                coPaymentPaidOn, invoiceFile, certificateFile));
    }

    private static String startOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).atStartOfDay(Fmt.SHANGHAI).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
