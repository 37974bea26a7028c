package cn.cvp.allocation.usage.api;

import cn.cvp.allocation.support.Ids;
import cn.cvp.allocation.support.Roles;
import cn.cvp.allocation.usage.application.UsageDecisionQueries;
import cn.cvp.kit.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/api/usage-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage decisions", description = "Validation of providers' usage reports (用量校验)")
public class UsageDecisionResource {

    private final UsageDecisionQueries queries;

    public UsageDecisionResource(UsageDecisionQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{usageReportId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The decision on one usage report")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = UsageDecisionView.class)))
    @APIResponse(responseCode = "404", description = "Not decided (yet), or no such report (NOT_FOUND)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or an invalid token")
    @APIResponse(responseCode = "403", description = "Not a platform administrator or auditor")
    public UsageDecisionView get(@PathParam("usageReportId") String usageReportId) {
        return UsageDecisionView.of(queries.get(Ids.pathId("Usage decision", usageReportId)));
    }
}
