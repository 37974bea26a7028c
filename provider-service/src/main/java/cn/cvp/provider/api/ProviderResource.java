package cn.cvp.provider.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.application.ProviderService;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Registration and accreditation of compute providers (算力服务机构)")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@APIResponse(responseCode = "403", description = "the token lacks the role this operation needs")
public class ProviderResource {
    private final ProviderService providers;
    private final Caller caller;

    public ProviderResource(ProviderService providers, Caller caller) {
        this.providers = providers;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Register the caller's own organisation as a provider (算力服务机构登记)",
            description = "The credit code must be the token's organisation (claim org_id). Status REGISTERED; "
                    + "publishes provider.registered.v1.")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (e.g. a 统一社会信用代码 with a bad check character), MALFORMED_JSON, INVALID_FORMAT")
    @APIResponse(responseCode = "403", description = "ORGANISATION_MISMATCH: the credit code is not the token's organisation; NO_ORGANISATION")
    @APIResponse(responseCode = "409", description = "PROVIDER_ALREADY_REGISTERED")
    public Response register(@Valid @NotNull ProviderRequests.Register request) {
        var p = providers.register(caller.actor(), caller.requireOrganisation(), request.toRegistration());
        return Response.created(URI.create("/api/providers/" + p.id)).entity(Views.ProviderView.of(p)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "The caller's own provider")
    @APIResponse(responseCode = "200", description = "the provider")
    @APIResponse(responseCode = "404", description = "PROVIDER_NOT_REGISTERED")
    public Views.ProviderView me() {
        return Views.ProviderView.of(providers.mine(caller.requireOrganisation()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "A provider: administrators and auditors see any, a provider only its own")
    @APIResponse(responseCode = "200", description = "the provider")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another provider's id)")
    public Views.ProviderView get(@PathParam("id") UUID id) {
        return Views.ProviderView.of(providers.visibleTo(Callers.viewer(caller), id));
    }

    @POST
    @Path("/{id}/accreditation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Accredit a provider for programmes (skeleton fast track)",
            description = "Walking-skeleton stand-in for the full accreditation lifecycle (REGISTERED → SELF_ASSESSED → "
                    + "VERIFYING → PUBLIC_NOTICE (公示) → ACTIVE ↔ SUSPENDED → REMOVED | EXITED): lists a provider that "
                    + "is still onboarding (any status before ACTIVE) as ACTIVE for the given programmes, if it meets "
                    + "the onboarding criteria (operating ≥ 2 years, a fixed site). Publishes provider.status-changed.v1.")
    @APIResponse(responseCode = "200", description = "the provider, now ACTIVE")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (no or malformed programme codes)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: the provider is not onboarding (already ACTIVE, SUSPENDED, REMOVED or EXITED); body has currentState")
    @APIResponse(responseCode = "422", description = "ACCREDITATION_CRITERIA_NOT_MET")
    public Views.ProviderView accredit(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.Accredit request) {
        return Views.ProviderView.of(providers.accredit(caller.actor(), id, request.programmeMemberships(),
                request.reason()));
    }
}
