package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.ApiResult;
import cn.cvp.console.api.Problem;
import cn.cvp.console.api.Service;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** A submission as the form sends it: the documents are uploaded first, then the batch is submitted. */
    public record Submission(String invoiceNumber, String deliveryCertificateRef, String coPaymentPaidOn,
                             FileUpload invoiceFile, FileUpload certificateFile) {
    }

    /**
     * Uploads the invoice (发票) and delivery certificate (交付凭证) chosen in the form (each as its own document,
     * the browser's media type kept; voucher-service checks type, size and content), then submits the batch with the
     * invoice number and the date the co-payment was paid. The first refusal is shown on the page.
     */
    public Response submit(String base, UUID id, Submission s) {
        for (Map.Entry<String, FileUpload> doc : documents(s).entrySet()) {
            ApiResult uploaded = upload(id, doc.getKey(), doc.getValue());
            if (!uploaded.ok()) {
                return refused(base, uploaded);
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("invoiceNumber", Forms.blankToNull(s.invoiceNumber()));
        body.put("deliveryCertificateRef", Forms.blankToNull(s.deliveryCertificateRef()));
        body.put("coPaymentPaidOn", Forms.blankToNull(s.coPaymentPaidOn()));
        ApiResult r = api.post(Service.VOUCHER, "/api/settlement/batches/" + id + "/submit", body);
        if (!r.ok()) {
            return refused(base, r);
        }
        return Forms.redirect(base, pages.ui().label(r.map().get("status")));
    }

    /** The documents chosen in the form (an empty file input is none), by voucher-service's document kind. */
    private static Map<String, FileUpload> documents(Submission s) {
        Map<String, FileUpload> chosen = new java.util.LinkedHashMap<>();
        if (s.invoiceFile() != null && s.invoiceFile().size() > 0) {
            chosen.put("invoice", s.invoiceFile());
        }
        if (s.certificateFile() != null && s.certificateFile().size() > 0) {
            chosen.put("delivery-certificate", s.certificateFile());
        }
        return chosen;
    }

    private ApiResult upload(UUID batchId, String kind, FileUpload file) {
        try {
            return api.putBytes(Service.VOUCHER, "/api/settlement/batches/" + batchId + "/documents/" + kind,
                    Files.readAllBytes(file.uploadedFile()),
                    file.contentType() == null ? "application/octet-stream" : file.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + kind, e);
        }
    }

    private Response refused(String base, ApiResult r) {
        return Response.status(r.status()).type(MediaType.TEXT_HTML_TYPE).entity(page(base, null, r.problem())).build();
    }
}
