package cn.cvp.voucher.enterprise.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.enterprise.application.Enterprises;
import cn.cvp.voucher.enterprise.application.RecordDishonesty;
import cn.cvp.voucher.enterprise.application.RegisterEnterprise;
import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
public class EnterpriseResource {
    private final RegisterEnterprise register;
    private final Enterprises enterprises;
    private final RecordDishonesty dishonesty;
    private final Caller caller;

    public EnterpriseResource(RegisterEnterprise register, Enterprises enterprises, RecordDishonesty dishonesty,
                              Caller caller) {
        this.register = register;
        this.enterprises = enterprises;
        this.dishonesty = dishonesty;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Register the caller's own organisation as an enterprise (企业登记)")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (e.g. a 统一社会信用代码 with a bad check character), MALFORMED_JSON, UNKNOWN_ENUM_VALUE")
    @APIResponse(responseCode = "403", description = "ORGANISATION_MISMATCH: the credit code is not the token's organisation")
    @APIResponse(responseCode = "409", description = "ENTERPRISE_ALREADY_REGISTERED")
    public Response register(@Valid @NotNull EnterpriseRequests.Register request) {
        return Response.status(201).entity(EnterpriseView.of(
                register.register(new RegisterEnterprise.Command(profile(request)), caller.actor()))).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "The caller's own enterprise")
    @APIResponse(responseCode = "404", description = "ENTERPRISE_NOT_REGISTERED")
    public EnterpriseView me() {
        return EnterpriseView.of(enterprises.mine(caller.actor()));
    }

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One enterprise, with its dishonesty records (staff)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public EnterpriseView byCreditCode(@PathParam("creditCode") String creditCode) {
        return EnterpriseView.of(enterprises.byCreditCode(creditCode)
                .orElseThrow(() -> DomainException.notFound("Enterprise", creditCode)));
    }

    @POST
    @Path("/{creditCode}/dishonesty-records")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enter a dated dishonesty record (失信记录) from the credit registry",
            description = "From then on the enterprise's submissions are refused DISHONESTY_RECORD in every programme "
                    + "whose look-back (dishonestyLookbackYears) reaches the record's date. Audited.")
    @APIResponse(responseCode = "201", description = "entered; the enterprise with all its records")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, RECORD_DATE_IN_FUTURE")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such enterprise")
    @APIResponse(responseCode = "409", description = "DISHONESTY_RECORD_EXISTS: that reference is already entered")
    public Response recordDishonesty(@PathParam("creditCode") String creditCode,
                                     @Valid @NotNull EnterpriseRequests.DishonestyRecord request) {
        return Response.status(201).entity(EnterpriseView.of(dishonesty.record(new RecordDishonesty.Command(
                creditCode, request.reference(), request.recordedOn(), request.authority()), caller.actor()))).build();
    }

    private static Enterprise.Profile profile(EnterpriseRequests.Register r) {
        return new Enterprise.Profile(r.name(), r.creditCode(), r.region(), r.industry(), r.size(), r.startup(), r.team(),
                r.ownership(), r.dishonest(), r.relatedParties());
    }
}
