package cn.cvp.voucher.settlement.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
import cn.cvp.voucher.settlement.api.SettlementViews.BatchView;
import cn.cvp.voucher.settlement.api.SettlementViews.LineView;
import cn.cvp.voucher.settlement.application.OpenSettlementBatch;
import cn.cvp.voucher.settlement.application.Redemption;
import cn.cvp.voucher.settlement.application.SettlementQueries;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Settlement (兑付): statements and redemption batches. */
@Path("/api/settlement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement")
public class SettlementResource {
    private final SettlementQueries settlement;
    private final OpenSettlementBatch opening;
    private final Redemption redemption;
    private final Caller caller;

    public SettlementResource(SettlementQueries settlement, OpenSettlementBatch opening, Redemption redemption,
                              Caller caller) {
        this.settlement = settlement;
        this.opening = opening;
        this.redemption = redemption;
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

    @GET
    @Path("/statements")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.APPROVER})
    @Operation(summary = "Statement of a programme's period from the ledger: per provider and per enterprise, usage, subsidy, co-payment")
    @APIResponse(responseCode = "400", description = "PERIOD_NOT_IN_CYCLE")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public Statement statement(@QueryParam("programme") @NotBlank String programme,
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
        Set<RedemptionSubmitter> actsAs = EnumSet.noneOf(RedemptionSubmitter.class);
        if (caller.hasRole(Roles.ENTERPRISE)) {
            actsAs.add(RedemptionSubmitter.ENTERPRISE);
        }
        if (caller.hasRole(Roles.PROVIDER)) {
            actsAs.add(RedemptionSubmitter.PROVIDER);
        }
        SettlementBatch b = opening.open(new OpenSettlementBatch.Command(request.programmeCode(), request.period(), actsAs),
                caller.actor());
        return Response.status(201).entity(BatchView.of(b)).build();
    }

    @POST
    @Path("/batches/{id}/submit")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER})
    @Operation(summary = "Submit (or resubmit after a return) with the invoice number and, for enterprises, the delivery certificate (交付凭证)")
    @APIResponse(responseCode = "400", description = "INVOICE_REQUIRED, DELIVERY_CERTIFICATE_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView submit(@PathParam("id") UUID id, @Valid @NotNull Submit request) {
        return BatchView.of(redemption.submit(new Redemption.Submit(id, request.invoiceNumber(),
                request.deliveryCertificateRef()), caller.actor()));
    }

    @POST
    @Path("/batches/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Approve a submitted batch")
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
    @Operation(summary = "Mark an approved batch paid, with the payment reference")
    @APIResponse(responseCode = "400", description = "PAYMENT_REFERENCE_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public BatchView paid(@PathParam("id") UUID id, @Valid @NotNull Payment payment) {
        return BatchView.of(redemption.markPaid(new Redemption.MarkPaid(id, payment.paymentReference()), caller.actor()));
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
    @Operation(summary = "The batch's lines: one captured usage report each")
    public List<LineView> lines(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        return settlement.lines(b).stream().map(LineView::of).toList();
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ENTERPRISE, Roles.PROVIDER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The batch as CSV (amounts in yuan), for the finance office")
    public Response csv(@PathParam("id") UUID id) {
        SettlementBatch b = settlement.visible(caller.actor(), Roles.isStaff(caller), id);
        String csv = SettlementCsv.render(settlement.programmeCode(b), b, settlement.lines(b));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"settlement-" + b.id() + ".csv\"")
                .build();
    }
}
