package cn.cvp.voucher.review.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.kit.time.ClockProducer;
import cn.cvp.voucher.review.application.Applications;
import cn.cvp.voucher.review.application.ApproveApplication;
import cn.cvp.voucher.review.application.CloseApplication;
import cn.cvp.voucher.review.application.DraftApplication;
import cn.cvp.voucher.review.application.ReviewApplication;
import cn.cvp.voucher.review.application.SubmitApplication;
import cn.cvp.voucher.review.domain.ApplicationStatus;
import cn.cvp.voucher.review.domain.Contract;
import cn.cvp.voucher.review.domain.Demand;
import cn.cvp.voucher.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.List;
import java.util.UUID;

@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {
    private final DraftApplication drafting;
    private final SubmitApplication submission;
    private final ReviewApplication review;
    private final ApproveApplication approval;
    private final CloseApplication closing;
    private final Applications applications;
    private final Caller caller;

    public ApplicationResource(DraftApplication drafting, SubmitApplication submission, ReviewApplication review,
                               ApproveApplication approval, CloseApplication closing, Applications applications,
                               Caller caller) {
        this.drafting = drafting;
        this.submission = submission;
        this.review = review;
        this.approval = approval;
        this.closing = closing;
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Draft an application for a voucher under a programme, with the compute demand")
    @APIResponse(responseCode = "201", description = "DRAFT created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, MALFORMED_JSON, UNKNOWN_ENUM_VALUE")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "ENTERPRISE_NOT_REGISTERED, PROGRAMME_NOT_OPEN, QUOTA_NOT_OFFERED "
            + "(quota: true under a contract-first programme)")
    public Response create(@Valid @NotNull ApplicationRequests.Create request) {
        return Response.status(201).entity(ApplicationView.of(drafting.draft(draft(request), caller.actor()))).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Submit: run the automatic checks; on success the application is UNDER_REVIEW")
    @APIResponse(responseCode = "200", description = "UNDER_REVIEW")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' applications)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE, QUOTA_ALREADY_GRANTED (a quota application when the "
            + "enterprise already has one this year)")
    @APIResponse(responseCode = "422", description = "WINDOW_CLOSED, NOT_ELIGIBLE_REGION, NOT_ELIGIBLE_INDUSTRY, NOT_ELIGIBLE_SIZE, "
            + "DISHONESTY_RECORD, CATEGORY_NOT_COVERED, CONTRACT_REQUIRED, CONTRACT_TOO_EARLY, CONTRACT_TOO_LONG, "
            + "CONTRACT_ALREADY_USED, DOUBLE_DIPPING, ANNUAL_CAP_EXCEEDED, BUDGET_EXHAUSTED, PROGRAMME_NOT_OPEN (all failures in errors[])")
    public ApplicationView submit(@PathParam("id") UUID id) {
        return ApplicationView.of(submission.submit(new SubmitApplication.Command(id), caller.actor()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Revise a DRAFT or RETURNED application")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, PROGRAMME_CHANGE_NOT_ALLOWED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ApplicationView revise(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Create request) {
        return ApplicationView.of(drafting.revise(new DraftApplication.Revise(id, draft(request)), caller.actor()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Withdraw an application that has not been issued; releases what it reserved")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ApplicationView withdraw(@PathParam("id") UUID id) {
        return ApplicationView.of(closing.withdraw(new CloseApplication.Withdraw(id), caller.actor()));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reviewer's check (初审): recommend the application to the approvers")
    @APIResponse(responseCode = "403", description = "OWN_ORGANISATION")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE, ALREADY_REVIEWED, CONCURRENT_MODIFICATION")
    public ApplicationView review(@PathParam("id") UUID id) {
        return ApplicationView.of(review.review(new ReviewApplication.Command(id), caller.actor()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Approve. Issues the voucher (face value = min(ratio × amount, annual cap left, budget left)), "
            + "or, above the programme's threshold, records the first of two approvals (status APPROVED)")
    @APIResponse(responseCode = "200", description = "the application, ISSUED with its voucherId, or APPROVED awaiting a second approver")
    @APIResponse(responseCode = "403", description = "OWN_ORGANISATION, FOUR_EYES (the reviewer cannot approve), SECOND_APPROVER_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE, REVIEW_REQUIRED, CONCURRENT_MODIFICATION")
    @APIResponse(responseCode = "422", description = "BUDGET_EXHAUSTED, ANNUAL_CAP_EXCEEDED")
    public ApplicationView approve(@PathParam("id") UUID id) {
        return ApplicationView.of(approval.approve(new ApproveApplication.Command(id), caller.actor()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.REVIEWER, Roles.APPROVER})
    @Operation(summary = "Return for revision (退回修改) with a reason; the enterprise can revise and resubmit")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ApplicationView returnForRevision(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Decision decision) {
        return ApplicationView.of(closing.returnForRevision(new CloseApplication.Return(id, decision.reason()),
                caller.actor()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.REVIEWER, Roles.APPROVER})
    @Operation(summary = "Reject with a reason; releases what the application reserved")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ApplicationView reject(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Decision decision) {
        return ApplicationView.of(closing.reject(new CloseApplication.Reject(id, decision.reason()), caller.actor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One application (enterprises see only their own)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public ApplicationView get(@PathParam("id") UUID id) {
        return ApplicationView.of(applications.get(caller.actor(), Roles.isStaff(caller), id));
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Applications, newest first, filtered by status, programme code, enterprise credit code and creation date (from/to, inclusive); paged; enterprises see only their own")
    public List<ApplicationView> list(@QueryParam("status") ApplicationStatus status,
                                      @QueryParam("programme") String programmeCode,
                                      @QueryParam("enterprise") String enterpriseCreditCode,
                                      @QueryParam("from") LocalDate from,
                                      @QueryParam("to") LocalDate to,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Applications.ListQuery query = new Applications.ListQuery(status, programmeCode, enterpriseCreditCode,
                from == null ? null : from.atStartOfDay(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(ClockProducer.PROGRAMME_ZONE).toOffsetDateTime(),
                page, size);
        return applications.list(caller.actor(), Roles.isStaff(caller), query).stream().map(ApplicationView::of).toList();
    }

    private static DraftApplication.Draft draft(ApplicationRequests.Create request) {
        ApplicationRequests.Demand d = request.demand();
        ApplicationRequests.Contract c = request.contract();
        return new DraftApplication.Draft(request.programmeCode(),
                Demand.requested(d.resourceClass(), d.unit(), d.quantity(), d.cardHours(), d.regions(),
                        d.windowStart(), d.windowEnd()),
                request.purpose(), request.amountFen(),
                c == null ? null : new Contract(c.number(), c.signedOn(), c.months(), c.providerCreditCode()),
                request.otherMunicipalSubsidy(), request.quota());
    }
}
