package cn.cvp.voucher.settlement.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
import cn.cvp.voucher.settlement.api.SettlementViews.BatchView;
import cn.cvp.voucher.settlement.api.SettlementViews.DocumentView;
import cn.cvp.voucher.settlement.api.SettlementViews.LineView;
import cn.cvp.voucher.settlement.application.OpenSettlementBatch;
import cn.cvp.voucher.settlement.application.Redemption;
import cn.cvp.voucher.settlement.application.SettlementQueries;
import cn.cvp.voucher.settlement.application.SupportingDocuments;
import cn.cvp.voucher.settlement.domain.DocumentFormat;
import cn.cvp.voucher.settlement.domain.DocumentKind;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.Statement;
import cn.cvp.voucher.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Settlement (兑付): statements, redemption batches and their supporting documents, payment files. */
@Path("/api/settlement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement")
public class SettlementResource {
    private static final String CSV = "text/csv";

    private final SettlementQueries settlement;
    private final OpenSettlementBatch opening;
    private final Redemption redemption;
    private final SupportingDocuments documents;
    private final Caller caller;

    public SettlementResource(SettlementQueries settlement, OpenSettlementBatch opening, Redemption redemption,
                              SupportingDocuments documents, Caller caller) {
        this.settlement = settlement;
        this.opening = opening;
        this.redemption = redemption;
        this.documents = documents;
        this.caller = caller;
    }

    /** {@code submitterCreditCode}: only when staff open a submitter's batch by hand. */
    public record OpenBatch(@NotBlank @Size(max = 32) String programmeCode, @NotBlank @Size(max = 10) String period,
                            @Size(max = 32) String submitterCreditCode) {
    }

    public record Submit(@Size(max = 64) String invoiceNumber, @Size(max = 128) String deliveryCertificateRef,
                         LocalDate coPaymentPaidOn) {
    }

    public record Reason(@Size(max = 2000) String reason) {
    }

    public record Payment(@Size(max = 128) String paymentReference) {
    }

    @GET
    @Path("/statements")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.APPROVER})
    @Operation(summary = "Statement of a programme's period from the ledger: per provider and per enterprise, usage, "
            + "subsidy, co-payment (JSON, or CSV with Accept: text/csv or ?format=csv)")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public Response statement(@QueryParam("programme") @NotBlank String programme,
                              @QueryParam("period") @NotBlank String period, @QueryParam("format") String format,
                              @Context HttpHeaders headers) {
        return statementAnswer(settlement.statement(programme, period), format, headers, "statement-" + programme);
    }

    @GET
    @Path("/statements/enterprises/{creditCode}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN, Roles.AUDITOR, Roles.APPROVER, Roles.REVIEWER})
    @Operation(summary = "An enterprise's own statement (对账单) of a programme's period: its captures per provider and "
            + "its usage, subsidy and co-payment (JSON, or CSV with Accept: text/csv or ?format=csv); an enterprise "
            + "reads only its own, staff any")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (another enterprise's), PROGRAMME_NOT_FOUND")
    public Response enterpriseStatement(@PathParam("creditCode") String creditCode,
                                        @QueryParam("programme") @NotBlank String programme,
                                        @QueryParam("period") @NotBlank String period,
                                        @QueryParam("format") String format, @Context HttpHeaders headers) {
        Statement s = settlement.enterpriseStatement(caller.actor(), Roles.isStaff(caller), creditCode, programme, period);
        return statementAnswer(s, format, headers, "statement-" + programme + "-" + creditCode);
    }

    @POST
    @Path("/batches")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.ADMIN})
    @Operation(summary = "Open a redemption batch of unredeemed captures in a finished period by hand: the submitter "
            + "its own (the enterprise or the provider, as the programme says), or platform-admin for a named "
            + "submitterCreditCode. The settlement job opens them by itself at the end of each period.")
    @APIResponse(responseCode = "201", description = "OPEN batch")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE, VALIDATION_FAILED, SUBMITTER_REQUIRED")
    @APIResponse(responseCode = "403", description = "WRONG_SUBMITTER")
    @APIResponse(responseCode = "422", description = "PERIOD_NOT_ENDED, NOTHING_TO_SETTLE")
    public Response open(@Valid @NotNull OpenBatch request) {
        Set<RedemptionSubmitter> actsAs = EnumSet.noneOf(RedemptionSubmitter.class);
        if (caller.hasRole(Roles.ENTERPRISE)) {
            actsAs.add(RedemptionSubmitter.ENTERPRISE);
        }
        if (caller.hasRole(Roles.PROVIDER)) {
            actsAs.add(RedemptionSubmitter.PROVIDER);
        }
        boolean staff = actsAs.isEmpty() && caller.hasRole(Roles.ADMIN);
        SettlementBatch b = opening.open(new OpenSettlementBatch.Command(request.programmeCode(), request.period(),
                actsAs, staff, staff ? request.submitterCreditCode() : null), caller.actor());
        return Response.status(201).entity(BatchView.of(b)).build();
    }

    @PUT
    @Path("/batches/{id}/documents/{kind}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER})
    @Operation(summary = "Upload the batch's invoice (kind invoice, 发票) or delivery certificate (kind "
            + "delivery-certificate, 交付凭证): the raw file as the body with its Content-Type, PDF, JPEG or PNG, checked "
            + "by its content; optional ?fileName=. A new upload is a new version. While OPEN or RETURNED.")
    @APIResponse(responseCode = "201", description = "the document's metadata with its SHA-256")
    @APIResponse(responseCode = "400", description = "DOCUMENT_EMPTY")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (another's batch, an unknown kind)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    @APIResponse(responseCode = "413", description = "DOCUMENT_TOO_LARGE, PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "DOCUMENT_TYPE_NOT_ALLOWED")
    @APIResponse(responseCode = "422", description = "DOCUMENT_CONTENT_MISMATCH (the bytes are not the declared type)")
    public Response upload(@PathParam("id") UUID id, @PathParam("kind") String kind,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @QueryParam("fileName") String fileName, byte[] content) {
        DocumentKind documentKind = DocumentKind.ofSlug(kind);
        if (!DocumentFormat.allowedMediaType(contentType)) {
            throw new ProblemException(415, "DOCUMENT_TYPE_NOT_ALLOWED",
                    "A document must be sent as one of " + DocumentFormat.allowedMediaTypes() + ", not " + contentType,
                    "单据须为 " + DocumentFormat.allowedMediaTypes() + " 之一，不能是 " + contentType);
        }
        long max = documents.maxBytes();
        if (content != null && DocumentFormat.tooLarge(content.length, max)) {
            throw new ProblemException(413, "DOCUMENT_TOO_LARGE",
                    "The document is larger than " + max + " bytes", "单据超过 " + max + " 字节");
        }
        var d = documents.upload(new SupportingDocuments.Upload(id, documentKind, contentType,
                fileName, content == null ? new byte[0] : content), caller.actor());
        return Response.status(201).entity(DocumentView.of(d)).build();
    }

    @GET
    @Path("/batches/{id}/documents")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch's documents, every version (metadata and SHA-256)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public List<DocumentView> documents(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        return documents.of(b).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("/batches/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Download a document: its bytes with its content type and SHA-256 (header X-Content-SHA256); "
            + "audited")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        SupportingDocuments.Download d = documents.download(b, documentId, caller.actor());
        String name = d.document().fileName() != null ? d.document().fileName().replace("\"", "")
                : d.document().kind().slug() + "-v" + d.document().version();
        return Response.ok(d.content(), d.document().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^\\x20-\\x7e]", "_") + "\"")
                .header("X-Content-SHA256", d.document().sha256()).build();
    }

    @POST
    @Path("/batches/{id}/submit")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER})
    @Operation(summary = "Submit (or resubmit after a return) with the invoice number; the enterprise (Beijing) after "
            + "paying its co-payment (coPaymentPaidOn) and with both documents uploaded")
    @APIResponse(responseCode = "400", description = "INVOICE_REQUIRED, CO_PAYMENT_NOT_DECLARED, CO_PAYMENT_DATE_IN_FUTURE")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    @APIResponse(responseCode = "422", description = "DOCUMENTS_REQUIRED (errors[] names each missing document)")
    public BatchView submit(@PathParam("id") UUID id, @Valid @NotNull Submit request) {
        return BatchView.of(redemption.submit(new Redemption.Submit(id, request.invoiceNumber(),
                request.deliveryCertificateRef(), request.coPaymentPaidOn()), caller.actor()));
    }

    @POST
    @Path("/batches/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Approve a submitted batch")
    @APIResponse(responseCode = "403", description = "OWN_ORGANISATION")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView approve(@PathParam("id") UUID id) {
        return BatchView.of(redemption.approve(new Redemption.Approve(id), caller.actor()));
    }

    @POST
    @Path("/batches/{id}/return")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Return a submitted batch to its submitter with a reason")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView returnBatch(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return BatchView.of(redemption.returnToSubmitter(new Redemption.Return(id, reason.reason()), caller.actor()));
    }

    @POST
    @Path("/batches/{id}/paid")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Mark an approved batch paid, with the payment reference, by a staff member other than its "
            + "approver; publishes settlement.paid.v1")
    @APIResponse(responseCode = "400", description = "PAYMENT_REFERENCE_REQUIRED")
    @APIResponse(responseCode = "403", description = "TWO_PERSON_RULE (you approved it), OWN_ORGANISATION")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView paid(@PathParam("id") UUID id, @Valid @NotNull Payment payment) {
        return BatchView.of(redemption.markPaid(new Redemption.MarkPaid(id, payment.paymentReference()), caller.actor()));
    }

    @POST
    @Path("/batches/{id}/cancel")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.ADMIN})
    @Operation(summary = "Cancel a batch that is OPEN (or RETURNED), with a reason: its captures become redeemable "
            + "again (by the submitter, or platform-admin)")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView cancel(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return BatchView.of(redemption.cancel(new Redemption.Cancel(id, reason.reason(), caller.hasRole(Roles.ADMIN)),
                caller.actor()));
    }

    @GET
    @Path("/batches")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Batches, newest first; submitters see their own")
    public List<BatchView> list() {
        String submitter = Roles.isStaff(caller) ? null : caller.requireOrganisation();
        return settlement.list(submitter).stream().map(BatchView::of).toList();
    }

    @GET
    @Path("/batches/{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One batch")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public BatchView get(@PathParam("id") UUID id) {
        return BatchView.of(settlement.visible(caller.actor(), Roles.isStaff(caller), id));
    }

    @GET
    @Path("/batches/{id}/lines")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch's lines: one captured usage report each (inactive once the batch is cancelled)")
    public List<LineView> lines(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        return settlement.lines(b).stream().map(LineView::of).toList();
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch as CSV (amounts in yuan), for the finance office")
    public Response csv(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        String csv = SettlementCsv.render(settlement.programmeCode(b), b, settlement.lines(b));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"settlement-" + b.id() + ".csv\"")
                .build();
    }

    @GET
    @Path("/batches/{id}/payment-file")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch's bank-transfer instruction (付款指令): a header, one line per payee with the amount "
            + "in fen and in yuan, a control total line (H/P/T records, CRLF)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Response paymentFile(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), true, id);
        return Response.ok(settlement.paymentFile(b).render(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"payment-" + b.id() + ".txt\"").build();
    }

    /** JSON, or CSV when {@code ?format=csv} or the caller accepts text/csv before JSON. */
    private static Response statementAnswer(Statement s, String format, HttpHeaders headers, String fileName) {
        boolean csv;
        if (format != null && !format.isBlank()) {
            if (!format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
                throw ProblemException.invalid("UNKNOWN_FORMAT", "format is csv or json, not " + format,
                        "format 只能是 csv 或 json，不能是 " + format);
            }
            csv = format.equalsIgnoreCase("csv");
        } else {
            csv = headers.getAcceptableMediaTypes().stream().filter(t -> !t.isWildcardType())
                    .findFirst().map(t -> t.isCompatible(MediaType.valueOf(CSV))).orElse(false);
        }
        if (csv) {
            return Response.ok(StatementCsv.render(s), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build();
        }
        return Response.ok(s, MediaType.APPLICATION_JSON).build();
    }
}
