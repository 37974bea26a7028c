package cn.cvp.provider.offering.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.offering.application.DraftOffering;
import cn.cvp.provider.offering.application.OfferingLifecycle;
import cn.cvp.provider.offering.application.OfferingQueries;
import cn.cvp.provider.offering.application.PublishOffering;
import cn.cvp.provider.offering.application.ReviseOffering;
import cn.cvp.provider.offering.application.WithdrawOffering;
import cn.cvp.provider.offering.domain.OfferingStatus;
import cn.cvp.provider.support.Callers;
import cn.cvp.provider.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/offerings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offerings", description = "Capacity a provider offers: DRAFT → PUBLISHED → WITHDRAWN")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@APIResponse(responseCode = "403", description = "the token lacks the role this operation needs")
public class OfferingResource {
    private final OfferingLifecycle lifecycle;
    private final OfferingQueries offerings;
    private final Caller caller;

    public OfferingResource(OfferingLifecycle lifecycle, OfferingQueries offerings, Caller caller) {
        this.lifecycle = lifecycle;
        this.offerings = offerings;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Draft an offering of the caller's provider",
            description = "units 1–100000 cards (or TB), unitPriceFen 1–10,000,000 per unit-hour (or unit-month), "
                    + "availableTo after availableFrom, at most 3 years later and in the future.")
    @APIResponse(responseCode = "201", description = "the offering, DRAFT")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, UNKNOWN_ENUM_VALUE (resourceClass), MALFORMED_JSON, INVALID_FORMAT")
    @APIResponse(responseCode = "403", description = "PROVIDER_NOT_REGISTERED, NO_ORGANISATION")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: the provider is SUSPENDED, REMOVED or EXITED")
    public Response create(@Valid @NotNull OfferingRequests.Create request) {
        var actor = Callers.organisationActor(caller);
        var o = lifecycle.draft(actor, new DraftOffering(request.toTerms()));
        return Response.created(URI.create("/api/offerings/" + o.id())).entity(OfferingView.of(o)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Publish a draft for matching; publishes offering.published.v1")
    @APIResponse(responseCode = "200", description = "the offering, PUBLISHED")
    @APIResponse(responseCode = "403", description = "PROVIDER_NOT_REGISTERED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's offering)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (not a DRAFT, or the provider may not offer capacity); OFFERING_WINDOW_ENDED")
    public OfferingView publish(@PathParam("id") UUID id) {
        return OfferingView.of(lifecycle.publish(Callers.organisationActor(caller), new PublishOffering(id)));
    }

    @POST
    @Path("/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Revise a published offering (price, capacity, window): a new version",
            description = "version + 1 under the same offering id; publishes offering.published.v1 with the new version "
                    + "(key: offeringId). Allocations already made keep the version and price they were made on. "
                    + "A revision that changes nothing answers the offering unchanged.")
    @APIResponse(responseCode = "200", description = "the offering at its new version")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's offering)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: not PUBLISHED, or the provider may not offer capacity")
    public OfferingView revise(@PathParam("id") UUID id, @Valid @NotNull OfferingRequests.Revise request) {
        return OfferingView.of(lifecycle.revise(Callers.organisationActor(caller), new ReviseOffering(id,
                request.units(), request.unitPriceFen(), request.availableFrom(), request.availableTo())));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "Every published version of an offering, oldest first")
    @APIResponse(responseCode = "200", description = "the versions")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's offering)")
    public List<OfferingVersionRow> versions(@PathParam("id") UUID id) {
        return offerings.versions(Callers.viewer(caller), id).stream().map(OfferingVersionRow::of).toList();
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Withdraw a published offering; publishes offering.withdrawn.v1. Existing allocations stay.")
    @APIResponse(responseCode = "200", description = "the offering, WITHDRAWN")
    @APIResponse(responseCode = "403", description = "PROVIDER_NOT_REGISTERED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's offering)")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE: not PUBLISHED")
    public OfferingView withdraw(@PathParam("id") UUID id) {
        return OfferingView.of(lifecycle.withdraw(Callers.organisationActor(caller), new WithdrawOffering(id)));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "Offerings: a provider's own, or all for administrators and auditors; newest first")
    @APIResponse(responseCode = "200", description = "the offerings")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (page, size), UNKNOWN_ENUM_VALUE (status)")
    public List<OfferingView> list(@QueryParam("status") String status,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Callers.MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Callers.MAX_PAGE_SIZE) int size) {
        return offerings.list(Callers.viewer(caller), Callers.enumValue(OfferingStatus.class, "status", status),
                Callers.page(page, size)).stream().map(OfferingView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.PROVIDER})
    @Operation(summary = "An offering")
    @APIResponse(responseCode = "200", description = "the offering")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another provider's offering)")
    public OfferingView get(@PathParam("id") UUID id) {
        return OfferingView.of(offerings.visibleTo(Callers.viewer(caller), id));
    }
}
