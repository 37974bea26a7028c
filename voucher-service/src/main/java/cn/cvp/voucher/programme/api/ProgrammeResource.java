package cn.cvp.voucher.programme.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.programme.application.ChangeProgrammeBudget;
import cn.cvp.voucher.programme.application.ChangeProgrammeRules;
import cn.cvp.voucher.programme.application.CreateProgramme;
import cn.cvp.voucher.programme.application.ProgrammeLifecycle;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.support.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Programmes")
public class ProgrammeResource {
    private final Programmes programmes;
    private final CreateProgramme create;
    private final ChangeProgrammeRules changeRules;
    private final ChangeProgrammeBudget changeBudget;
    private final ProgrammeLifecycle lifecycle;
    private final Caller caller;

    public ProgrammeResource(Programmes programmes, CreateProgramme create, ChangeProgrammeRules changeRules,
                             ChangeProgrammeBudget changeBudget, ProgrammeLifecycle lifecycle, Caller caller) {
        this.programmes = programmes;
        this.create = create;
        this.changeRules = changeRules;
        this.changeBudget = changeBudget;
        this.lifecycle = lifecycle;
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
        Programme p = create.create(new CreateProgramme.Command(request.code(), request.name(), request.budgetTotalFen(),
                request.rules()), caller.actor());
        return Response.status(201).entity(view(p)).build();
    }

    @PUT
    @Path("/{code}/rules")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the rules: writes a new version; applications keep the version they were filed under")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, INVALID_RULES")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (archived)")
    public ProgrammeView changeRules(@PathParam("code") String code, @Valid @NotNull ProgrammeRules rules) {
        return view(changeRules.change(new ChangeProgrammeRules.Command(code, rules), caller.actor()));
    }

    @PUT
    @Path("/{code}/budget")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the total budget (never below what is committed and reserved)")
    @APIResponse(responseCode = "422", description = "BUDGET_BELOW_COMMITTED")
    public ProgrammeView changeBudget(@PathParam("code") String code, @Valid @NotNull ProgrammeRequests.Budget budget) {
        return view(changeBudget.change(new ChangeProgrammeBudget.Command(code, budget.budgetTotalFen()), caller.actor()));
    }

    @POST
    @Path("/{code}/open")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open for applications (from DRAFT or CLOSED)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ProgrammeView open(@PathParam("code") String code) {
        return view(lifecycle.open(new ProgrammeLifecycle.Command(code), caller.actor()));
    }

    @POST
    @Path("/{code}/close")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close: no new applications; undecided ones lapse and release their reservations")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ProgrammeView close(@PathParam("code") String code) {
        return view(lifecycle.close(new ProgrammeLifecycle.Command(code), caller.actor()));
    }

    @POST
    @Path("/{code}/archive")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Archive a closed programme")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public ProgrammeView archive(@PathParam("code") String code) {
        return view(lifecycle.archive(new ProgrammeLifecycle.Command(code), caller.actor()));
    }

    @GET
    @Path("/{code}/rules/{version}")
    @Operation(summary = "One version of a programme's rules")
    public ProgrammeRules rulesVersion(@PathParam("code") String code, @PathParam("version") int version) {
        return programmes.rulesVersion(code, version);
    }

    @GET
    @Operation(summary = "List programmes with their current rules and budget utilisation")
    public List<ProgrammeView> list() {
        return programmes.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One programme by code (e.g. BJ-AICV, SH-ICV)")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public ProgrammeView get(@PathParam("code") String code) {
        return view(programmes.byCode(code));
    }

    private ProgrammeView view(Programme p) {
        return ProgrammeView.of(p, programmes.currentRules(p));
    }
}
