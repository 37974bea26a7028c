package cn.cvp.voucher.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.application.SettlementService;
import cn.cvp.voucher.domain.SettlementBatch;
import cn.cvp.voucher.domain.SettlementLine;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Settlement (兑付): statements and redemption batches. */
@Path("/api/settlement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement")
public class SettlementResource {
    private final SettlementService settlement;
    private final Caller caller;

    public SettlementResource(SettlementService settlement, Caller caller) {
        this.settlement = settlement;
        this.caller = caller;
    }

    public record OpenBatch(@NotBlank @Size(max = 32) String programmeCode, @NotBlank @Size(max = 10) String period) {
    }

    public record Submit(@Size(max = 64) String invoiceNumber, @Size(max = 128) String deliveryCertificateRef) {
    }

    public record Reason(@Size(max = 2000) String reason) {
    }

    public record Payment(@Size(max = 128) String paymentReference) {
    }

    public record BatchView(UUID id, UUID programmeId, LocalDate periodStart, LocalDate periodEnd, String submitterType,
                            String submitterCreditCode, String status, long subsidyFen, long usageAmountFen, int lineCount,
                            String invoiceNumber, String deliveryCertificateRef, String paymentReference, String returnReason,
                            OffsetDateTime createdAt, OffsetDateTime submittedAt, String approvedBy, OffsetDateTime paidAt) {
        static BatchView of(SettlementBatch b) {
            return new BatchView(b.id, b.programmeId, b.periodStart, b.periodEnd, b.submitterType.name(), b.submitterCreditCode,
                    b.status.name(), b.subsidyFen, b.usageAmountFen, b.lineCount, b.invoiceNumber, b.deliveryCertificateRef,
                    b.paymentReference, b.returnReason, b.createdAt, b.submittedAt, b.approvedBy, b.paidAt);
        }
    }

    public record LineView(long ledgerEntryId, UUID voucherId, UUID usageReportId, UUID providerId,
                           String enterpriseCreditCode, long usageAmountFen, long subsidyFen, OffsetDateTime capturedAt) {
        static LineView of(SettlementLine l) {
            return new LineView(l.key.ledgerEntryId(), l.voucherId, l.usageReportId, l.providerId, l.enterpriseCreditCode,
                    l.usageAmountFen, l.subsidyFen, l.capturedAt);
        }
    }

    @GET
    @Path("/statements")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.APPROVER})
    @Operation(summary = "Statement of a programme's period from the ledger: per provider and per enterprise, usage, subsidy, co-payment")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public SettlementService.Statement statement(@QueryParam("programme") @NotBlank String programme,
                                                 @QueryParam("period") @NotBlank String period) {
        return settlement.statement(programme, period);
    }

    @POST
    @Path("/batches")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER})
    @Operation(summary = "Open a redemption batch of the caller's unredeemed captures in a finished period "
            + "(submitted by the enterprise or the provider, as the programme says)")
    @APIResponse(responseCode = "201", description = "OPEN batch")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE, VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "WRONG_SUBMITTER")
    @APIResponse(responseCode = "422", description = "PERIOD_NOT_ENDED, NOTHING_TO_SETTLE")
    public Response open(@Valid @NotNull OpenBatch request) {
        return Response.status(201).entity(BatchView.of(settlement.open(caller, request.programmeCode(), request.period()))).build();
    }

    @POST
    @Path("/batches/{id}/submit")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER})
    @Operation(summary = "Submit (or resubmit after a return) with the invoice number and, for enterprises, the delivery certificate (交付凭证)")
    @APIResponse(responseCode = "400", description = "INVOICE_REQUIRED, DELIVERY_CERTIFICATE_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView submit(@PathParam("id") UUID id, @Valid @NotNull Submit request) {
        return BatchView.of(settlement.submit(caller, id, request.invoiceNumber(), request.deliveryCertificateRef()));
    }

    @POST
    @Path("/batches/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Approve a submitted batch")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView approve(@PathParam("id") UUID id) {
        return BatchView.of(settlement.approve(caller, id));
    }

    @POST
    @Path("/batches/{id}/return")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Return a submitted batch to its submitter with a reason")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView returnBatch(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return BatchView.of(settlement.returnToSubmitter(caller, id, reason.reason()));
    }

    @POST
    @Path("/batches/{id}/paid")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Mark an approved batch paid, with the payment reference")
    @APIResponse(responseCode = "400", description = "PAYMENT_REFERENCE_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView paid(@PathParam("id") UUID id, @Valid @NotNull Payment payment) {
        return BatchView.of(settlement.markPaid(caller, id, payment.paymentReference()));
    }

    @GET
    @Path("/batches")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Batches, newest first; submitters see their own")
    public List<BatchView> list() {
        List<SettlementBatch> batches = Roles.isStaff(caller)
                ? SettlementBatch.listAll(Sort.descending("createdAt"))
                : SettlementBatch.list("submitterCreditCode", Sort.descending("createdAt"), caller.requireOrganisation());
        return batches.stream().map(BatchView::of).toList();
    }

    @GET
    @Path("/batches/{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One batch")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public BatchView get(@PathParam("id") UUID id) {
        return BatchView.of(settlement.visible(caller, id, Roles.isStaff(caller)));
    }

    @GET
    @Path("/batches/{id}/lines")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch's lines: one captured usage report each")
    public List<LineView> lines(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller, id, Roles.isStaff(caller));
        return settlement.lines(b.id).stream().map(LineView::of).toList();
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch as CSV (amounts in yuan), for the finance office")
    public Response csv(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller, id, Roles.isStaff(caller));
        return Response.ok(settlement.csv(b)).header("Content-Disposition", "attachment; filename=\"settlement-" + b.id + ".csv\"")
                .build();
    }
}
