package cn.cvp.provider.provider.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.provider.application.AccreditProvider;
import cn.cvp.provider.provider.application.AccreditationService;
import cn.cvp.provider.provider.application.ExitProvider;
import cn.cvp.provider.provider.application.GrantProgramme;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.application.ProviderRegistration;
import cn.cvp.provider.provider.application.PublicNoticeService;
import cn.cvp.provider.provider.application.ConcludePublicNotice;
import cn.cvp.provider.provider.application.RegisterProvider;
import cn.cvp.provider.provider.application.ReinstateProvider;
import cn.cvp.provider.provider.application.RemoveProvider;
import cn.cvp.provider.provider.application.ReturnSelfAssessment;
import cn.cvp.provider.provider.application.StartPublicNotice;
import cn.cvp.provider.provider.application.StartVerification;
import cn.cvp.provider.provider.application.SubmitSelfAssessment;
import cn.cvp.provider.provider.application.SupervisionService;
import cn.cvp.provider.provider.application.SuspendProvider;
import cn.cvp.provider.provider.application.WithdrawProgramme;
import cn.cvp.provider.provider.domain.ProviderStatus;
import cn.cvp.provider.support.Callers;
import cn.cvp.provider.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
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
import java.util.List;
import java.util.UUID;

@Path("/api/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Registration and accreditation of compute providers (算力服务机构)")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@APIResponse(responseCode = "403", description = "the token lacks the role this operation needs")
public class ProviderResource {
    private final ProviderRegistration registration;
    private final AccreditationService accreditation;
    private final PublicNoticeService notices;
    private final SupervisionService supervision;
    private final ProviderQueries providers;
    private final Caller caller;

    public ProviderResource(ProviderRegistration registration, AccreditationService accreditation,
                            PublicNoticeService notices, SupervisionService supervision, ProviderQueries providers,
                            Caller caller) {
        this.registration = registration;
        this.accreditation = accreditation;
        this.notices = notices;
        this.supervision = supervision;
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
        var p = registration.register(Callers.organisationActor(caller), new RegisterProvider(request.toRegistration()));
        return Response.created(URI.create("/api/providers/" + p.id())).entity(ProviderView.of(p)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "The caller's own provider")
    @APIResponse(responseCode = "200", description = "the provider")
    @APIResponse(responseCode = "404", description = "PROVIDER_NOT_REGISTERED")
    public ProviderView me() {
        return ProviderView.of(providers.mine(caller.requireOrganisation()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "A provider: administrators and auditors see any, a provider only its own")
    @APIResponse(responseCode = "200", description = "the provider")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another provider's id)")
    public ProviderView get(@PathParam("id") UUID id) {
        return ProviderView.of(providers.visibleTo(Callers.viewer(caller), id));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Providers, optionally in one status (administrators and auditors)")
    @APIResponse(responseCode = "200", description = "providers, newest registration first")
    public List<ProviderView> list(@QueryParam("status") String status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Callers.MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Callers.MAX_PAGE_SIZE) int size) {
        return providers.list(Callers.enumValue(ProviderStatus.class, "status", status), Callers.page(page, size))
                .stream().map(ProviderView::of).toList();
    }

    @POST
    @Path("/{id}/self-assessment")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Submit the provider's self-assessment (自评): REGISTERED → SELF_ASSESSED",
            description = "Own provider only. Also to resubmit after verification sent it back. Checks the onboarding "
                    + "criteria (operating ≥ 2 years, a fixed site, a legal entity, a price list).")
    @APIResponse(responseCode = "200", description = "the provider, SELF_ASSESSED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    @APIResponse(responseCode = "422", description = "ACCREDITATION_CRITERIA_NOT_MET")
    public ProviderView selfAssess(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.SelfAssess request) {
        return ProviderView.of(accreditation.selfAssess(Callers.organisationActor(caller),
                new SubmitSelfAssessment(id, request.toSelfAssessment())));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start platform verification (平台核验): SELF_ASSESSED → VERIFYING")
    @APIResponse(responseCode = "200", description = "the provider, VERIFYING")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView startVerification(@PathParam("id") UUID id, @Valid ProviderRequests.OptionalReason request) {
        return ProviderView.of(accreditation.startVerification(caller.actor(), new StartVerification(id, reason(request))));
    }

    @POST
    @Path("/{id}/verification/return")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send the self-assessment back for rework: VERIFYING → SELF_ASSESSED (reason required)")
    @APIResponse(responseCode = "200", description = "the provider, SELF_ASSESSED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView returnSelfAssessment(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.Reason request) {
        return ProviderView.of(accreditation.returnSelfAssessment(caller.actor(), new ReturnSelfAssessment(id, request.reason())));
    }

    @POST
    @Path("/{id}/public-notice")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Verification passed: VERIFYING → PUBLIC_NOTICE (公示) for cvp.provider.public-notice-days (7)",
            description = "With the programme standing approved (default: the programmes the provider requested). "
                    + "When the notice ends without objection the provider is listed (ACTIVE) by the scheduled job or "
                    + "POST /{id}/listing.")
    @APIResponse(responseCode = "200", description = "the provider, PUBLIC_NOTICE, with noticeEndsAt")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    @APIResponse(responseCode = "422", description = "NO_PROGRAMME_STANDING")
    public ProviderView verified(@PathParam("id") UUID id, @Valid ProviderRequests.Verified request) {
        return ProviderView.of(accreditation.startPublicNotice(caller.actor(), new StartPublicNotice(id,
                request == null ? null : request.programmeMemberships(), request == null ? null : request.reason())));
    }

    @POST
    @Path("/{id}/listing")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Conclude the public notice: PUBLIC_NOTICE → ACTIVE, refused before the notice ends")
    @APIResponse(responseCode = "200", description = "the provider, ACTIVE")
    @APIResponse(responseCode = "409", description = "NOTICE_PERIOD_NOT_OVER (noticeEndsAt); ILLEGAL_STATE (currentState)")
    public ProviderView conclude(@PathParam("id") UUID id) {
        return ProviderView.of(notices.conclude(caller.actor(), new ConcludePublicNotice(id)));
    }

    @POST
    @Path("/{id}/suspension")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Suspend a listed provider: ACTIVE → SUSPENDED (reason required)")
    @APIResponse(responseCode = "200", description = "the provider, SUSPENDED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView suspend(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.Reason request) {
        return ProviderView.of(supervision.suspend(caller.actor(), new SuspendProvider(id, request.reason())));
    }

    @POST
    @Path("/{id}/reinstatement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reinstate a suspended provider: SUSPENDED → ACTIVE")
    @APIResponse(responseCode = "200", description = "the provider, ACTIVE")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView reinstate(@PathParam("id") UUID id, @Valid ProviderRequests.OptionalReason request) {
        return ProviderView.of(supervision.reinstate(caller.actor(), new ReinstateProvider(id, reason(request))));
    }

    @POST
    @Path("/{id}/removal")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a provider from the list: ACTIVE | SUSPENDED → REMOVED (final, reason required)")
    @APIResponse(responseCode = "200", description = "the provider, REMOVED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView remove(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.Reason request) {
        return ProviderView.of(supervision.remove(caller.actor(), new RemoveProvider(id, request.reason())));
    }

    @POST
    @Path("/{id}/exit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(summary = "Exit the programme (退出): any status that is not final → EXITED (the provider itself or an administrator)")
    @APIResponse(responseCode = "200", description = "the provider, EXITED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (currentState)")
    public ProviderView exit(@PathParam("id") UUID id, @Valid ProviderRequests.OptionalReason request) {
        return ProviderView.of(supervision.exit(caller.actor(),
                new ExitProvider(id, reason(request), Callers.viewer(caller).seesAll())));
    }

    @PUT
    @Path("/{id}/programmes/{programme}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Grant standing in a programme (e.g. BJ-AICV 算力伙伴, SH-ICV 服务机构) to a listed provider")
    @APIResponse(responseCode = "200", description = "the provider with its memberships (unchanged if already granted)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: not ACTIVE or SUSPENDED")
    public ProviderView grant(@PathParam("id") UUID id,
                                    @PathParam("programme") @Pattern(regexp = ProviderRequests.PROGRAMME_CODE) String programme) {
        return ProviderView.of(supervision.grantProgramme(caller.actor(), new GrantProgramme(id, programme)));
    }

    @DELETE
    @Path("/{id}/programmes/{programme}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw standing in a programme")
    @APIResponse(responseCode = "200", description = "the provider with its memberships (unchanged if it had none there)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: not ACTIVE or SUSPENDED")
    public ProviderView withdraw(@PathParam("id") UUID id,
                                       @PathParam("programme") @Pattern(regexp = ProviderRequests.PROGRAMME_CODE) String programme,
                                       @QueryParam("reason") @Size(max = 1000) String reason) {
        return ProviderView.of(supervision.withdrawProgramme(caller.actor(),
                new WithdrawProgramme(id, programme, reason)));
    }

    @POST
    @Path("/{id}/accreditation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Administrator's shortcut: list an onboarding provider at once for programmes",
            description = "Skips self-assessment, verification and public notice (for providers already listed under "
                    + "the paper procedure); the regular path is POST self-assessment → verification → public-notice → "
                    + "(notice ends) listing. Lists a provider that is still onboarding (any status before ACTIVE) as "
                    + "ACTIVE for the given programmes, if it meets the onboarding criteria (operating ≥ 2 years, a "
                    + "fixed site). Audited as PROVIDER_ACCREDITED_SHORTCUT; publishes provider.status-changed.v1.")
    @APIResponse(responseCode = "200", description = "the provider, now ACTIVE")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (no or malformed programme codes)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: the provider is not onboarding (already ACTIVE, SUSPENDED, REMOVED or EXITED); body has currentState")
    @APIResponse(responseCode = "422", description = "ACCREDITATION_CRITERIA_NOT_MET")
    public ProviderView accredit(@PathParam("id") UUID id, @Valid @NotNull ProviderRequests.Accredit request) {
        return ProviderView.of(accreditation.accredit(caller.actor(),
                new AccreditProvider(id, request.programmeMemberships(), request.reason())));
    }

    private static String reason(ProviderRequests.OptionalReason request) {
        return request == null ? null : request.reason();
    }
}
