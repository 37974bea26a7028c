package cn.cvp.provider.provider.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.provider.provider.application.FileObjection;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.application.PublicNoticeService;
import io.quarkus.security.Authenticated;
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
import java.util.List;
import java.util.UUID;

@Path("/api/public-notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Public notice", description = "Providers on public notice (公示) before listing, and objections (异议)")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no or invalid token")
@Authenticated
public class PublicNoticeResource {
    private final ProviderQueries providers;
    private final PublicNoticeService notices;
    private final Caller caller;

    public PublicNoticeResource(ProviderQueries providers, PublicNoticeService notices, Caller caller) {
        this.providers = providers;
        this.notices = notices;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Providers on public notice, soonest ending first (anyone authenticated)")
    @APIResponse(responseCode = "200", description = "the notices")
    public List<PublicNoticeView> list() {
        return providers.onPublicNotice().stream().map(PublicNoticeView::of).toList();
    }

    @POST
    @Path("/{providerId}/objections")
    @Operation(summary = "Object to a provider's listing during its notice (anyone authenticated)",
            description = "The objection is recorded and sends the provider back to VERIFYING "
                    + "(provider.status-changed.v1 with reason OBJECTION: …).")
    @APIResponse(responseCode = "201", description = "the objection")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (a reason is required)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "NOTICE_NOT_OPEN: the provider is not (or no longer) on notice")
    public Response object(@PathParam("providerId") UUID providerId, @Valid @NotNull ProviderRequests.Reason request) {
        var objection = notices.fileObjection(caller.actor(), new FileObjection(providerId, request.reason()));
        return Response.created(URI.create("/api/public-notices/" + providerId + "/objections/" + objection.id()))
                .entity(ObjectionView.of(objection)).build();
    }
}
