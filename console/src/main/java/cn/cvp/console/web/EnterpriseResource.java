package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Problem;
import cn.cvp.console.api.Service;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
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

/** The enterprise's pages: register its organisation, apply, its applications, vouchers (balance, ledger), statements. */
@Path("/enterprise")
@Produces(MediaType.TEXT_HTML)
public class EnterpriseResource {
    static final int PAGE = 20;
    private static final String STATEMENTS = "/enterprise/statements";
    private final Api api;
    private final Pages pages;
    private final ProgrammeCodes codes;
    private final RedemptionPages redemption;

    public EnterpriseResource(Api api, Pages pages, ProgrammeCodes codes, RedemptionPages redemption) {
        this.api = api;
        this.pages = pages;
        this.codes = codes;
        this.redemption = redemption;
    }

    @GET
    public TemplateInstance home(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("msg") String msg) {
        ApiResult me = api.get(Service.VOUCHER, "/api/enterprises/me");
        if (!me.ok() && me.status() != 404) {
            me.orPage();
        }
        Map<String, Object> q = new HashMap<>();
        q.put("status", Forms.blankToNull(status));
        q.put("page", page);
        q.put("size", PAGE + 1);
        List<Map<String, Object>> apps = me.ok() ? api.get(Service.VOUCHER, "/api/applications", q).list() : List.of();
        boolean more = apps.size() > PAGE;
        List<Map<String, Object>> vouchers = me.ok() ? api.get(Service.VOUCHER, "/api/vouchers").list() : List.of();
        return pages.page("enterprise/home").data("me", me.ok() ? me.map() : null).data("apps", more ? apps.subList(0, PAGE) : apps)
                .data("vouchers", vouchers).data("status", status).data("page", page).data("more", more).data("msg", msg)
                .data("programmes", codes.get()).data("form", Map.of()).data("problem", null)
                .data("base", "/enterprise?status=" + (status == null ? "" : status) + "&");
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@FormParam("name") String name, @FormParam("creditCode") String creditCode,
                             @FormParam("region") String region, @FormParam("industry") String industry,
                             @FormParam("size") String size, @FormParam("ownership") String ownership,
                             @FormParam("startup") String startup, @FormParam("team") String team,
                             @FormParam("dishonest") String dishonest, @FormParam("relatedParties") String related) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", creditCode);
        body.put("region", region);
        body.put("industry", Forms.blankToNull(industry));
        body.put("size", Forms.blankToNull(size));
        body.put("startup", startup != null);
        body.put("team", team != null);
        body.put("ownership", Forms.blankToNull(ownership));
        body.put("dishonest", dishonest != null);
        body.put("relatedParties", related == null || related.isBlank() ? List.of() : Arrays.stream(related.split("[\\n,，]+")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        ApiResult r = api.post(Service.VOUCHER, "/api/enterprises", body);
        if (!r.ok()) {
            Map<String, Object> form = new HashMap<>(body);
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(pages.page("enterprise/home").data("me", null)
                    .data("apps", List.of()).data("vouchers", List.of()).data("status", null).data("page", 0).data("more", false)
                    .data("msg", null).data("programmes", Map.of()).data("form", form).data("problem", r.problem()).data("base", "")).build();
        }
        return Forms.redirect("/enterprise", pages.ui().t("企业登记成功", "Enterprise registered"));
    }

    // ---------------------------------------------------------------- apply

    /** The application form's fields, as typed (the service validates them). */
    public static class ApplyForm {
        @FormParam("programmeCode") public String programmeCode;
        @FormParam("resourceClass") public String resourceClass;
        @FormParam("cardHours") public String cardHours;
        @FormParam("regions") public String regions;
        @FormParam("windowStart") public String windowStart;
        @FormParam("windowEnd") public String windowEnd;
        @FormParam("purpose") public String purpose;
        @FormParam("amount") public String amount;
        @FormParam("contractNumber") public String contractNumber;
        @FormParam("contractSignedOn") public String contractSignedOn;
        @FormParam("contractMonths") public String contractMonths;
        @FormParam("providerCreditCode") public String providerCreditCode;

        Map<String, Object> values() {
            Map<String, Object> m = new HashMap<>();
            m.put("programmeCode", programmeCode);
            m.put("resourceClass", resourceClass);
            m.put("cardHours", cardHours);
            m.put("regions", regions);
            m.put("windowStart", windowStart);
            m.put("windowEnd", windowEnd);
            m.put("purpose", purpose);
            m.put("amount", amount);
            m.put("contractNumber", contractNumber);
            m.put("contractSignedOn", contractSignedOn);
            m.put("contractMonths", contractMonths);
            m.put("providerCreditCode", providerCreditCode);
            return m;
        }
    }

    @GET
    @Path("apply")
    public TemplateInstance applyForm() {
        LocalDate today = LocalDate.now(Fmt.SHANGHAI);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("programmeCode", "BJ-AICV");
        defaults.put("resourceClass", "GPU_A800_80G");
        defaults.put("regions", "110108");
        defaults.put("windowStart", today.toString());
        defaults.put("windowEnd", today.plusDays(30).toString());
        defaults.put("contractSignedOn", today.minusDays(3).toString());
        defaults.put("contractMonths", "3");
        return applyPage(defaults, null);
    }

    private TemplateInstance applyPage(Map<String, Object> form, Problem problem) {
        List<Map<String, Object>> programmes = api.get(Service.VOUCHER, "/api/programmes").orPage().list();
        return pages.page("enterprise/apply").data("form", form).data("problem", problem).data("programmeList", programmes);
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@BeanParam ApplyForm f) {
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("resourceClass", Forms.blankToNull(f.resourceClass));
        demand.put("cardHours", Fmt.toLong(f.cardHours));
        demand.put("regions", f.regions == null ? List.of() : Arrays.stream(f.regions.split("[\\s,，]+")).filter(s -> !s.isBlank()).toList());
        demand.put("windowStart", startOfDay(f.windowStart));
        demand.put("windowEnd", startOfDay(f.windowEnd));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programmeCode", f.programmeCode);
        body.put("demand", demand);
        body.put("purpose", f.purpose);
        Long fen = Fmt.fenOf(f.amount);
        body.put("amountFen", fen == null ? 0 : fen);
        if (f.contractNumber != null && !f.contractNumber.isBlank()) {
            Map<String, Object> contract = new LinkedHashMap<>();
            contract.put("number", f.contractNumber.trim());
            contract.put("signedOn", Forms.blankToNull(f.contractSignedOn));
            contract.put("months", Fmt.toLong(f.contractMonths));
            contract.put("providerCreditCode", Forms.blankToNull(f.providerCreditCode));
            body.put("contract", contract);
        }
        ApiResult created = api.post(Service.VOUCHER, "/api/applications", body);
        if (!created.ok()) {
            return Response.status(created.status()).type(MediaType.TEXT_HTML_TYPE).entity(applyPage(f.values(), created.problem())).build();
        }
        Object id = created.map().get("id");
        ApiResult submitted = api.post(Service.VOUCHER, "/api/applications/" + id + "/submit", null);
        if (!submitted.ok()) {
            return Response.status(submitted.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(applicationPage(UUID.fromString(id.toString()), submitted.problem(), null)).build();
        }
        return Forms.redirect("/enterprise/applications/" + id, pages.ui().t("申请已提交，自动校验通过，进入审核", "Submitted: the automatic checks passed; now under review"));
    }

    private static String startOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).atStartOfDay(Fmt.SHANGHAI).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return date; // the service says what is wrong with it
        }
    }

    @GET
    @Path("applications/{id}")
    public TemplateInstance application(@PathParam("id") UUID id, @QueryParam("msg") String msg) {
        return applicationPage(id, null, msg);
    }

    private TemplateInstance applicationPage(UUID id, Problem problem, String msg) {
        Map<String, Object> a = api.get(Service.VOUCHER, "/api/applications/" + id).orPage().map();
        return pages.page("enterprise/application").data("a", a).data("problem", problem).data("msg", msg)
                .data("programmes", codes.get());
    }

    @POST
    @Path("applications/{id}/{action: submit|withdraw}")
    public Response applicationAction(@PathParam("id") UUID id, @PathParam("action") String action) {
        ApiResult r = api.post(Service.VOUCHER, "/api/applications/" + id + "/" + action, null);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(applicationPage(id, r.problem(), null)).build();
        }
        return Forms.redirect("/enterprise/applications/" + id, pages.ui().label(r.map().get("status")));
    }

    // ---------------------------------------------------------------- vouchers

    @GET
    @Path("vouchers/{id}")
    public TemplateInstance voucher(@PathParam("id") UUID id) {
        Map<String, Object> v = api.get(Service.VOUCHER, "/api/vouchers/" + id).orPage().map();
        List<Map<String, Object>> ledger = api.get(Service.VOUCHER, "/api/vouchers/" + id + "/ledger").list();
        return pages.page("enterprise/voucher").data("v", v).data("ledger", ledger).data("programmes", codes.get());
    }

    // ---------------------------------------------------------------- statements (redemption batches)

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

}
