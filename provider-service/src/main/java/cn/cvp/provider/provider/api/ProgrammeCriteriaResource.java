package cn.cvp.provider.provider.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.provider.application.ProgrammeCriteriaService;
import cn.cvp.provider.provider.domain.ProgrammeCriteria;
import cn.cvp.provider.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/programme-criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programme criteria", description = "What each programme asks of the providers it lists (认定条件)")
public class ProgrammeCriteriaResource {
    private final ProgrammeCriteriaService criteria;
    private final Caller caller;

    public ProgrammeCriteriaResource(ProgrammeCriteriaService criteria, Caller caller) {
        this.criteria = criteria;
        this.caller = caller;
    }

    public record CriteriaView(String programmeCode, int publicNoticeDays, int minYearsOperating,
                               boolean privatelyInvestedRequired, OffsetDateTime updatedAt, String updatedBy) {
        static CriteriaView of(ProgrammeCriteria c) {
            return new CriteriaView(c.programmeCode(), c.publicNoticeDays(), c.minYearsOperating(),
                    c.privatelyInvestedRequired(), c.updatedAt(), c.updatedBy());
        }
    }

    public record SetRequest(@NotNull @Min(1) @Max(60) Integer publicNoticeDays,
                             @NotNull @Min(0) @Max(50) Integer minYearsOperating,
                             @NotNull Boolean privatelyInvestedRequired) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "Every programme's criteria that were set (others use the defaults)")
    public List<CriteriaView> list() {
        return criteria.all().stream().map(CriteriaView::of).toList();
    }

    @GET
    @Path("/{programmeCode}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "One programme's criteria (the defaults if it set none: updatedBy = default)")
    public CriteriaView get(@PathParam("programmeCode") @Pattern(regexp = ProviderRequests.PROGRAMME_CODE,
            message = "must be a programme code such as BJ-AICV") String programmeCode) {
        return CriteriaView.of(criteria.of(programmeCode));
    }

    @PUT
    @Path("/{programmeCode}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a programme's criteria: public-notice days, years operating, private investment",
            description = "Applies to providers verified, accredited or granted the programme from now on. Audited.")
    @APIResponse(responseCode = "200", description = "set")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    public CriteriaView set(@PathParam("programmeCode") @Pattern(regexp = ProviderRequests.PROGRAMME_CODE,
            message = "must be a programme code such as BJ-AICV") String programmeCode,
                            @Valid @NotNull SetRequest request) {
        return CriteriaView.of(criteria.set(caller.actor(), new ProgrammeCriteriaService.SetCriteria(programmeCode,
                request.publicNoticeDays(), request.minYearsOperating(), request.privatelyInvestedRequired())));
    }
}
