package cn.cvp.allocation.matching.api;

import cn.cvp.allocation.matching.application.AllocationQueries;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.support.Ids;
import cn.cvp.allocation.support.Roles;
import cn.cvp.kit.problem.Problem;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@Path("/api/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Capacity reservations made by the matching engine (算力分配)")
public class AllocationResource {

    private final AllocationQueries queries;
    private final ObjectMapper mapper;
    private final Caller caller;

    public AllocationResource(AllocationQueries queries, ObjectMapper mapper, Caller caller) {
        this.queries = queries;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.ENTERPRISE})
    @Operation(summary = "List allocations", description = "Newest first, filtered by enterprise, voucher, provider and "
            + "status. An enterprise user sees only its own allocations and waitlist entries (with the reason); "
            + "staff see all.")
    @APIResponse(responseCode = "200", description = "A page of allocations",
            content = @Content(schema = @Schema(implementation = AllocationPageView.class)))
    @APIResponse(responseCode = "400", description = "A malformed filter (INVALID_FORMAT, UNKNOWN_ENUM_VALUE, VALIDATION_FAILED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not staff or an enterprise user, or an enterprise account "
            + "without an organisation (NO_ORGANISATION)")
    public AllocationPageView list(
            @Parameter(description = "only allocations of this enterprise's vouchers (staff; an enterprise user "
                    + "always sees only its own)") @QueryParam("enterpriseCreditCode") String enterpriseCreditCode,
            @Parameter(description = "only allocations of this voucher") @QueryParam("voucherId") String voucherId,
            @Parameter(description = "only allocations on this provider's offerings") @QueryParam("providerId") String providerId,
            @Parameter(description = "only allocations in this state",
                    schema = @Schema(enumeration = {"PROPOSED", "HELD", "ACTIVE", "COMPLETED", "CANCELLED", "WAITLISTED"}))
            @QueryParam("status") String status,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String scope = Roles.enterpriseScope(caller);
        String enterprise = scope != null ? scope
                : (enterpriseCreditCode == null || enterpriseCreditCode.isBlank() ? null : enterpriseCreditCode);
        AllocationQueries.Page result = queries.search(enterprise, Ids.filterId("voucherId", voucherId),
                Ids.filterId("providerId", providerId), statusOf(status), page, size);
        Map<UUID, String> names = queries.providerNames(result.items());
        List<AllocationView> items = result.items().stream()
                .map(a -> AllocationView.of(a, a.providerId() == null ? null : names.get(a.providerId()), null))
                .toList();
        return new AllocationPageView(items, result.page(), result.size(), result.total());
    }

    @GET
    @Path("/{allocationId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.ENTERPRISE})
    @Operation(summary = "One allocation, with the matching engine's explanation",
            description = "An enterprise user sees only its own: another enterprise's allocation is NOT_FOUND.")
    @APIResponse(responseCode = "200", description = "The allocation",
            content = @Content(schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "404", description = "No such allocation, or not yours (NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not staff or an enterprise user (FORBIDDEN, NO_ORGANISATION)")
    public AllocationView get(@PathParam("allocationId") String allocationId) {
        Allocation allocation = queries.get(Ids.pathId("Allocation", allocationId), Roles.enterpriseScope(caller));
        String providerName = allocation.providerId() == null ? null
                : queries.providerNames(List.of(allocation)).get(allocation.providerId());
        return AllocationView.of(allocation, providerName, explanationOf(allocation));
    }

    private JsonNode explanationOf(Allocation allocation) {
        try {
            return mapper.readTree(allocation.explanation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation of " + allocation.allocationId() + " is not JSON", e);
        }
    }

    private static AllocationStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AllocationStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(AllocationStatus.values());
            throw ProblemException.invalid("UNKNOWN_ENUM_VALUE",
                    "Query parameter 'status' has an invalid value '" + status + "' (allowed: " + allowed + ")",
                    "查询参数 'status' 的值 '" + status + "' 无效（允许：" + allowed + "）");
        }
    }
}
