package cn.cvp.voucher.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.application.ProgrammeAdminService;
import cn.cvp.voucher.application.ProgrammeService;
import cn.cvp.voucher.domain.ProgrammeRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import cn.cvp.voucher.domain.Programme;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Programmes")
public class ProgrammeResource {
    private final ProgrammeService programmes;
    private final ProgrammeAdminService admin;
    private final Caller caller;

    public ProgrammeResource(ProgrammeService programmes, ProgrammeAdminService admin, Caller caller) {
        this.programmes = programmes;
        this.admin = admin;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a programme (DRAFT) from its rules: a new city's scheme is configuration, not code")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, INVALID_RULES, UNKNOWN_ENUM_VALUE")
    @APIResponse(responseCode = "409", description = "PROGRAMME_EXISTS")
    public Response create(@Valid @NotNull ProgrammeRequests.Create request) {
        return Response.status(201).entity(view(admin.create(caller, request))).build();
    }

    @PUT
    @Path("/{code}/rules")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the rules: writes a new version; applications keep the version they were filed under")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, INVALID_RULES")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (archived)")
    public Views.ProgrammeView changeRules(@PathParam("code") String code, @Valid @NotNull ProgrammeRules rules) {
        return view(admin.changeRules(caller, code, rules));
    }

    @PUT
    @Path("/{code}/budget")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the total budget (never below what is committed and reserved)")
    @APIResponse(responseCode = "422", description = "BUDGET_BELOW_COMMITTED")
    public Views.ProgrammeView changeBudget(@PathParam("code") String code, @Valid @NotNull ProgrammeRequests.Budget budget) {
        return view(admin.changeBudget(caller, code, budget.budgetTotalFen()));
    }

    @POST
    @Path("/{code}/open")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open for applications (from DRAFT or CLOSED)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ProgrammeView open(@PathParam("code") String code) {
        return view(admin.open(caller, code));
    }

    @POST
    @Path("/{code}/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close: no new applications; undecided ones lapse and release their reservations")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ProgrammeView close(@PathParam("code") String code) {
        return view(admin.close(caller, code));
    }

    @POST
    @Path("/{code}/archive")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Archive a closed programme")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.ProgrammeView archive(@PathParam("code") String code) {
        return view(admin.archive(caller, code));
    }

    @GET
    @Path("/{code}/rules/{version}")
    @Operation(summary = "One version of a programme's rules")
    public ProgrammeRules rulesVersion(@PathParam("code") String code, @PathParam("version") int version) {
        Programme p = programmes.byCode(code);
        if (version < 1 || version > p.currentRulesVersion) {
            throw ProblemException.notFound("Rules version", version);
        }
        return programmes.rules(p.id, version);
    }

    private Views.ProgrammeView view(Programme p) {
        return Views.ProgrammeView.of(p, programmes.rules(p.id, p.currentRulesVersion));
    }

    @GET
    @Operation(summary = "List programmes with their current rules and budget utilisation")
    public List<Views.ProgrammeView> list() {
        return programmes.all().stream()
                .map(p -> Views.ProgrammeView.of(p, programmes.rules(p.id, p.currentRulesVersion))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One programme by code (e.g. BJ-AICV, SH-ICV)")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public Views.ProgrammeView get(@PathParam("code") String code) {
        Programme p = programmes.byCode(code);
        return Views.ProgrammeView.of(p, programmes.rules(p.id, p.currentRulesVersion));
    }
}
