package cn.cvp.provider.allocation.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.allocation.application.AllocationQueries;
import cn.cvp.provider.support.Callers;
import cn.cvp.provider.support.Roles;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "The provider's view of the capacity allocation-service reserved on its offerings")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@APIResponse(responseCode = "403", description = "the token lacks the role this operation needs")
public class AllocationResource {
    private final AllocationQueries allocations;
    private final Caller caller;

    public AllocationResource(AllocationQueries allocations, Caller caller) {
        this.allocations = allocations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "Allocations: a provider's own, or all for administrators and auditors; newest first",
            description = "Reserved units and card-hours, window, unit price, status, and the card-hours and amounts "
                    + "reported and accepted so far.")
    @APIResponse(responseCode = "200", description = "the allocations")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (page, size)")
    public List<AllocationView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Callers.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Callers.MAX_PAGE_SIZE) int size) {
        return allocations.list(Callers.viewer(caller), Callers.page(page, size)).stream()
                .map(AllocationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "An allocation with its reported and accepted usage")
    @APIResponse(responseCode = "200", description = "the allocation")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's allocation)")
    public AllocationView get(@PathParam("id") UUID id) {
        return AllocationView.of(allocations.get(Callers.viewer(caller), id));
    }
}
