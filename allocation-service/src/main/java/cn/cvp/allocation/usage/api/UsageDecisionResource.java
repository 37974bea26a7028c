package cn.cvp.allocation.usage.api;

import cn.cvp.allocation.support.Ids;
import cn.cvp.allocation.support.Roles;
import cn.cvp.allocation.usage.application.UsageDecisionQueries;
import cn.cvp.kit.problem.Problem;
import cn.cvp.allocation.usage.domain.UsageDecision;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/api/usage-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage decisions", description = "Validation of providers' usage reports (用量校验)")
public class UsageDecisionResource {

    private final UsageDecisionQueries queries;
    private final Caller caller;

    public UsageDecisionResource(UsageDecisionQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.ENTERPRISE})
    @Operation(summary = "List usage decisions",
            description = "Newest first. An enterprise user sees the usage reports on its own allocations only. "
                    + "flagged=true lists the decisions fraud rules flagged for review (风险复核): "
                    + "accepted ones (spikes before expiry, related parties) and rejected ones (usage on a frozen or revoked voucher).")
    @APIResponse(responseCode = "200", description = "A page of decisions",
            content = @Content(schema = @Schema(implementation = UsageDecisionPageView.class)))
    @APIResponse(responseCode = "400", description = "A malformed filter (INVALID_FORMAT, UNKNOWN_ENUM_VALUE, VALIDATION_FAILED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not staff or an enterprise user (FORBIDDEN, NO_ORGANISATION)")
    public UsageDecisionPageView list(
            @Parameter(description = "true: only flagged decisions; false: only unflagged ones",
                    schema = @Schema(enumeration = {"true", "false"})) @QueryParam("flagged") String flagged,
            @Parameter(description = "only ACCEPTED or REJECTED decisions",
                    schema = @Schema(enumeration = {"ACCEPTED", "REJECTED"})) @QueryParam("decision") String decision,
            @Parameter(description = "only decisions on this allocation") @QueryParam("allocationId") String allocationId,
            @Parameter(description = "only decisions on this voucher's allocations") @QueryParam("voucherId") String voucherId,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        UsageDecisionQueries.Page result = queries.search(Roles.enterpriseScope(caller), flaggedOf(flagged), decisionOf(decision),
                Ids.filterId("allocationId", allocationId), Ids.filterId("voucherId", voucherId), page, size);
        return new UsageDecisionPageView(result.items().stream().map(UsageDecisionView::of).toList(),
                result.page(), result.size(), result.total());
    }

    private static Boolean flaggedOf(String flagged) {
        if (flagged == null || flagged.isBlank()) {
            return null;
        }
        return switch (flagged.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid("INVALID_FORMAT",
                    "Query parameter 'flagged' must be true or false, not '" + flagged + "'",
                    "查询参数 'flagged' 必须为 true 或 false，而不是 '" + flagged + "'");
        };
    }

    private static String decisionOf(String decision) {
        if (decision == null || decision.isBlank()) {
            return null;
        }
        String d = decision.toUpperCase(Locale.ROOT);
        if (!d.equals(UsageDecision.ACCEPTED) && !d.equals(UsageDecision.REJECTED)) {
            throw ProblemException.invalid("UNKNOWN_ENUM_VALUE",
                    "Query parameter 'decision' has an invalid value '" + decision + "' (allowed: [ACCEPTED, REJECTED])",
                    "查询参数 'decision' 的值 '" + decision + "' 无效（允许：[ACCEPTED, REJECTED]）");
        }
        return d;
    }

    @GET
    @Path("/{usageReportId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.ENTERPRISE})
    @Operation(summary = "The decision on one usage report",
            description = "The usage report behind a ledger entry (its usageReportId): period, units, price, amount, "
                    + "the provider's record id and delivery certificate, and the subsidy captured. An enterprise user "
                    + "sees only reports on its own allocations: another's is NOT_FOUND.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = UsageDecisionView.class)))
    @APIResponse(responseCode = "404", description = "Not decided (yet), no such report, or not yours (NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not staff or an enterprise user (FORBIDDEN, NO_ORGANISATION)")
    public UsageDecisionView get(@PathParam("usageReportId") String usageReportId) {
        return UsageDecisionView.of(queries.get(Ids.pathId("Usage decision", usageReportId),
                Roles.enterpriseScope(caller)));
    }
}
