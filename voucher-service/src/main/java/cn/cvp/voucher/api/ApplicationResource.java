package cn.cvp.voucher.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.application.ApplicationService;
import cn.cvp.voucher.domain.Application;
import cn.cvp.voucher.domain.ApplicationStatus;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {
    private final ApplicationService applications;
    private final Caller caller;

    public ApplicationResource(ApplicationService applications, Caller caller) {
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Draft an application for a voucher under a programme, with the compute demand")
    @APIResponse(responseCode = "201", description = "DRAFT created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, MALFORMED_JSON, UNKNOWN_ENUM_VALUE")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "ENTERPRISE_NOT_REGISTERED, PROGRAMME_NOT_OPEN")
    public Response create(@Valid @NotNull ApplicationRequests.Create request) {
        return Response.status(201).entity(Views.ApplicationView.of(applications.create(caller, request))).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Submit: run the automatic checks; on success the application is UNDER_REVIEW")
    @APIResponse(responseCode = "200", description = "UNDER_REVIEW")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' applications)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    @APIResponse(responseCode = "422", description = "WINDOW_CLOSED, NOT_ELIGIBLE_REGION, NOT_ELIGIBLE_INDUSTRY, NOT_ELIGIBLE_SIZE, "
            + "DISHONESTY_RECORD, CATEGORY_NOT_COVERED, CONTRACT_REQUIRED, CONTRACT_TOO_EARLY, CONTRACT_TOO_LONG, "
            + "CONTRACT_ALREADY_USED, DOUBLE_DIPPING, ANNUAL_CAP_EXCEEDED, BUDGET_EXHAUSTED, PROGRAMME_NOT_OPEN (all failures in errors[])")
    public Views.ApplicationView submit(@PathParam("id") UUID id) {
        return Views.ApplicationView.of(applications.submit(caller, id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Revise a DRAFT or RETURNED application")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, PROGRAMME_CHANGE_NOT_ALLOWED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ApplicationView revise(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Create request) {
        return Views.ApplicationView.of(applications.revise(caller, id, request));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Withdraw an application that has not been issued; releases what it reserved")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ApplicationView withdraw(@PathParam("id") UUID id) {
        return Views.ApplicationView.of(applications.withdraw(caller, id));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reviewer's check (初审): recommend the application to the approvers")
    @APIResponse(responseCode = "403", description = "OWN_ORGANISATION")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE, ALREADY_REVIEWED, CONCURRENT_MODIFICATION")
    public Views.ApplicationView review(@PathParam("id") UUID id) {
        return Views.ApplicationView.of(applications.review(caller, id));
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
    public Views.ApplicationView approve(@PathParam("id") UUID id) {
        return Views.ApplicationView.of(applications.approve(caller, id));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.REVIEWER, Roles.APPROVER})
    @Operation(summary = "Return for revision (退回修改) with a reason; the enterprise can revise and resubmit")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ApplicationView returnForRevision(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Decision decision) {
        return Views.ApplicationView.of(applications.returnForRevision(caller, id, decision.reason()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.REVIEWER, Roles.APPROVER})
    @Operation(summary = "Reject with a reason; releases what the application reserved")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ApplicationView reject(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequests.Decision decision) {
        return Views.ApplicationView.of(applications.reject(caller, id, decision.reason()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One application (enterprises see only their own)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Views.ApplicationView get(@PathParam("id") UUID id) {
        if (Roles.isStaff(caller)) {
            Application a = Application.findById(id);
            if (a == null) {
                throw ProblemException.notFound("Application", id);
            }
            return Views.ApplicationView.of(a);
        }
        return Views.ApplicationView.of(applications.ownApplication(caller, id, LockModeType.NONE));
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Applications, newest first, filtered by status, programme code, enterprise credit code and creation date (from/to, inclusive); paged; enterprises see only their own")
    public List<Views.ApplicationView> list(@QueryParam("status") ApplicationStatus status,
                                            @QueryParam("programme") String programmeCode,
                                            @QueryParam("enterprise") String enterpriseCreditCode,
                                            @QueryParam("from") java.time.LocalDate from,
                                            @QueryParam("to") java.time.LocalDate to,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!Roles.isStaff(caller)) {
            query.append(" and enterpriseCreditCode = :org");
            params.put("org", caller.requireOrganisation());
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (programmeCode != null) {
            query.append(" and programmeId in (select p.id from Programme p where p.code = :programme)");
            params.put("programme", programmeCode);
        }
        if (enterpriseCreditCode != null && Roles.isStaff(caller)) {
            query.append(" and enterpriseCreditCode = :enterprise");
            params.put("enterprise", enterpriseCreditCode);
        }
        if (from != null) {
            query.append(" and createdAt >= :from");
            params.put("from", from.atStartOfDay(cn.cvp.kit.time.ClockProducer.PROGRAMME_ZONE).toOffsetDateTime());
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(cn.cvp.kit.time.ClockProducer.PROGRAMME_ZONE).toOffsetDateTime());
        }
        return Application.<Application>find(query.toString(), Sort.descending("createdAt"), params)
                .page(Page.of(page, size)).list().stream().map(Views.ApplicationView::of).toList();
    }

}
