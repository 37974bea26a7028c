package cn.cvp.voucher.enterprise.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.enterprise.application.Enterprises;
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
    private final Caller caller;

    public EnterpriseResource(RegisterEnterprise register, Enterprises enterprises, Caller caller) {
        this.register = register;
        this.enterprises = enterprises;
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

    private static Enterprise.Profile profile(EnterpriseRequests.Register r) {
        return new Enterprise.Profile(r.name(), r.creditCode(), r.region(), r.industry(), r.size(), r.startup(), r.team(),
                r.ownership(), r.dishonest(), r.relatedParties());
    }
}
