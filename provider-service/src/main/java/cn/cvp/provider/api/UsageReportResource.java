package cn.cvp.provider.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.provider.application.UsageIntakeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    private final Caller caller;
    private final int maxBatchSize;

    public UsageReportResource(UsageIntakeService intake, Caller caller,
                               @ConfigProperty(name = "cvp.usage.max-batch-size", defaultValue = "1000") int maxBatchSize) {
        this.intake = intake;
        this.caller = caller;
        this.maxBatchSize = maxBatchSize;
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
    public Views.UsageBatchResult report(UsageRequests.Batch batch, @Context HttpHeaders headers) {
        if (batch == null || batch.records() == null || batch.records().isEmpty()) {
            throw new ProblemException(400, "VALIDATION_FAILED", "The request has invalid fields: records",
                    "请求中以下字段无效：records", Map.of(),
                    List.of(new ProblemException.FieldError("records", "INVALID_FIELD", "must not be empty")));
        }
        if (batch.records().size() > maxBatchSize) {
            throw new ProblemException(413, "BATCH_TOO_LARGE",
                    "A batch may carry at most " + maxBatchSize + " records; this one has " + batch.records().size(),
                    "每批最多 " + maxBatchSize + " 条记录，本批有 " + batch.records().size() + " 条",
                    Map.of("limit", maxBatchSize, "size", batch.records().size()), List.of());
        }
        var results = intake.submit(caller.actor(), caller.requireOrganisation(),
                batch.records().stream().map(r -> r == null ? new UsageRequests.Record(null, null, null, null, null,
                        null, null, null) : r).map(UsageRequests.Record::toUsageRecord).toList());
        return Views.UsageBatchResult.of(results, Callers.chinese(headers));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "A usage report with its status (RECEIVED, ACCEPTED, REJECTED) and rejection reason")
    @APIResponse(responseCode = "200", description = "the usage report")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's report)")
    public Views.UsageReportView get(@PathParam("id") UUID id) {
        return Views.UsageReportView.of(intake.visibleTo(Callers.viewer(caller), id));
    }
}
