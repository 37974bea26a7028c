package cn.cvp.provider.usage.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.provider.support.Callers;
import cn.cvp.provider.support.Roles;
import cn.cvp.provider.usage.application.CorrectUsageReport;
import cn.cvp.provider.usage.application.ReportUsage;
import cn.cvp.provider.usage.application.UsageCorrectionService;
import cn.cvp.provider.usage.application.UsageIntakeConfig;
import cn.cvp.provider.usage.application.UsageIntakeService;
import cn.cvp.provider.usage.application.UsageReportQueries;
import cn.cvp.provider.usage.domain.BatchSizeLimit;
import cn.cvp.provider.usage.domain.UsageReportStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/usage-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Usage reports", description = "Usage intake: card-hours (卡时) delivered on allocations, batched and idempotent")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@APIResponse(responseCode = "403", description = "the token lacks the role this operation needs")
public class UsageReportResource {
    private final UsageIntakeService intake;
    private final UsageCorrectionService corrections;
    private final UsageReportQueries reports;
    private final Caller caller;
    private final BatchSizeLimit batchSize;

    public UsageReportResource(UsageIntakeService intake, UsageCorrectionService corrections,
                               UsageReportQueries reports, Caller caller, UsageIntakeConfig config) {
        this.intake = intake;
        this.corrections = corrections;
        this.reports = reports;
        this.caller = caller;
        this.batchSize = new BatchSizeLimit(config.maxBatchSize());
    }

    @POST
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Report usage in a batch of up to 1,000 records",
            description = """
                    Each record is checked and answered on its own, in the order submitted: \
                    ACCEPTED_FOR_PROCESSING (stored as a RECEIVED usage report and published as usage.reported.v1), \
                    DUPLICATE (the same record id with the same content was reported before: the same usageReportId, \
                    nothing new stored or published) or REJECTED with a code: INCOMPLETE_RECORD, INVALID_RECORD, \
                    INVALID_UNITS (not > 0 or more than 3 decimals), INVALID_PRICE, AMOUNT_MISMATCH \
                    (amountFen ≠ units × unitPriceFen rounded half-up), INVALID_PERIOD (end not after start, in the \
                    future, or longer than 31 days), ALLOCATION_NOT_FOUND (unknown or another provider's), \
                    ALLOCATION_NOT_BILLABLE (not HELD or ACTIVE), RECORD_CONFLICT (the record id was reported with \
                    other content).""")
    @APIResponse(responseCode = "200", description = "one result per record")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (no records), MALFORMED_JSON, INVALID_FORMAT")
    @APIResponse(responseCode = "403", description = "PROVIDER_NOT_REGISTERED, NO_ORGANISATION")
    @APIResponse(responseCode = "409", description = "RECORD_CONFLICT: a single-record batch whose record id was reported before with other content")
    @APIResponse(responseCode = "413", description = "BATCH_TOO_LARGE: more than 1,000 records (the body's limit says how many are allowed)")
    public UsageBatchResult report(UsageRequests.Batch batch, @Context HttpHeaders headers) {
        if (batch == null || batch.records() == null || batch.records().isEmpty()) {
            throw new ProblemException(400, "VALIDATION_FAILED", "The request has invalid fields: records",
                    "请求中以下字段无效：records", Map.of(),
                    List.of(new ProblemException.FieldError("records", "INVALID_FIELD", "must not be empty")));
        }
        int size = batch.records().size();
        if (!batchSize.admits(size)) {
            int limit = batchSize.max();
            throw new ProblemException(413, "BATCH_TOO_LARGE",
                    "A batch may carry at most " + limit + " records; this one has " + size,
                    "每批最多 " + limit + " 条记录，本批有 " + size + " 条",
                    Map.of("limit", limit, "size", size), List.of());
        }
        var actor = Callers.organisationActor(caller);
        var results = intake.report(actor, new ReportUsage(
                batch.records().stream().map(r -> r == null ? new UsageRequests.Record(null, null, null, null, null,
                        null, null, null) : r).map(UsageRequests.Record::toUsageRecord).toList()));
        return UsageBatchResult.of(results, Callers.chinese(headers));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Correct a usage report: a new version of its record that references it",
            description = "The corrected report is kept as it was (history); the correction is a new RECEIVED report "
                    + "with version + 1 and correctsUsageReportId, published as usage.reported.v1. Only the latest "
                    + "version can be corrected. Replaying the same correction answers 200 with the version it stored.")
    @APIResponse(responseCode = "201", description = "the correction, RECEIVED")
    @APIResponse(responseCode = "200", description = "a replay: the correction stored before")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's report)")
    @APIResponse(responseCode = "409", description = "STALE_CORRECTION: a later version exists (latestUsageReportId)")
    @APIResponse(responseCode = "422", description = "CORRECTION_CHANGES_NOTHING, or a record rule: INVALID_UNITS, INVALID_PRICE, AMOUNT_MISMATCH, INVALID_PERIOD, ALLOCATION_NOT_BILLABLE")
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull UsageRequests.Correction request) {
        var c = corrections.correct(Callers.organisationActor(caller),
                new CorrectUsageReport(id, request.toUsageRecord(), request.reason()));
        var view = UsageReportView.of(c.report());
        return c.created() ? Response.created(URI.create("/api/usage-reports/" + c.report().id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "Usage reports, newest first: a provider's own, or all for administrators and auditors",
            description = "Filters: allocationId, recordId (every version of a record), status (RECEIVED, ACCEPTED, REJECTED).")
    @APIResponse(responseCode = "200", description = "the usage reports")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (page, size), UNKNOWN_ENUM_VALUE (status)")
    public List<UsageReportView> list(@QueryParam("allocationId") UUID allocationId,
                                            @QueryParam("recordId") String recordId,
                                            @QueryParam("status") String status,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Callers.MAX_PAGE) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Callers.MAX_PAGE_SIZE) int size) {
        return reports.list(Callers.viewer(caller), allocationId, recordId,
                Callers.enumValue(UsageReportStatus.class, "status", status), Callers.page(page, size))
                .stream().map(UsageReportView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "A usage report with its status (RECEIVED, ACCEPTED, REJECTED) and rejection reason")
    @APIResponse(responseCode = "200", description = "the usage report")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's report)")
    public UsageReportView get(@PathParam("id") UUID id) {
        return UsageReportView.of(reports.visibleTo(Callers.viewer(caller), id));
    }
}
