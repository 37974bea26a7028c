package cn.cvp.voucher.api;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.application.VoucherAdminService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import cn.cvp.voucher.domain.LedgerEntry;
import cn.cvp.voucher.domain.Voucher;
import cn.cvp.voucher.domain.VoucherHold;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/vouchers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vouchers")
@RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class VoucherResource {
    private final Caller caller;
    private final VoucherAdminService admin;

    public VoucherResource(Caller caller, VoucherAdminService admin) {
        this.caller = caller;
        this.admin = admin;
    }

    public record Reason(@Size(max = 2000) String reason) {
    }

    @POST
    @Path("/{id}/freeze")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze (冻结): no new holds or captures; usage on it is rejected")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.VoucherView freeze(@PathParam("id") UUID id, @Valid Reason reason) {
        return view(admin.freeze(caller.actor(), id, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("/{id}/unfreeze")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unfreeze")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.VoucherView unfreeze(@PathParam("id") UUID id, @Valid Reason reason) {
        return view(admin.unfreeze(caller.actor(), id, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke (撤销) with a reason: holds are released and the unused money returns to the programme budget")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.VoucherView revoke(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return view(admin.revoke(caller.actor(), id, reason.reason()));
    }

    public record Validity(@NotNull java.time.OffsetDateTime validUntil, @Size(max = 2000) String reason) {
    }

    @PUT
    @Path("/{id}/validity")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend or shorten the validity (with a reason); once it has passed, the expiry job (every 10 s) "
            + "expires the voucher and returns its unused money to the programme budget")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED, INVALID_VALIDITY")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public Views.VoucherView validity(@PathParam("id") UUID id, @Valid @NotNull Validity validity) {
        return view(admin.changeValidity(caller.actor(), id, validity.validUntil(), validity.reason()));
    }

    private static Views.VoucherView view(Voucher v) {
        return Views.VoucherView.of(v, VoucherHold.list("voucherId", Sort.by("createdAt"), v.id));
    }

    @GET
    @Operation(summary = "Vouchers with balances; enterprises see only their own")
    public List<Views.VoucherView> list() {
        List<Voucher> vouchers = caller.hasRole(Roles.ENTERPRISE) && !Roles.isStaff(caller)
                ? Voucher.list("enterpriseCreditCode", Sort.descending("issuedAt"), caller.requireOrganisation())
                : Voucher.listAll(Sort.descending("issuedAt"));
        return vouchers.stream().map(v -> Views.VoucherView.of(v, VoucherHold.list("voucherId", v.id))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One voucher: face value, held, consumed, balance, holds")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' vouchers)")
    public Views.VoucherView get(@PathParam("id") UUID id) {
        Voucher v = visible(id);
        return Views.VoucherView.of(v, VoucherHold.list("voucherId", Sort.by("createdAt"), v.id));
    }

    @GET
    @Path("/{id}/ledger")
    @Operation(summary = "The voucher's append-only ledger: issue, holds, captures, releases, expiry, revocation")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public List<Views.LedgerEntryView> ledger(@PathParam("id") UUID id) {
        Voucher v = visible(id);
        return LedgerEntry.<LedgerEntry>list("voucherId", Sort.by("id"), v.id).stream()
                .map(Views.LedgerEntryView::of).toList();
    }

    private Voucher visible(UUID id) {
        Voucher v = Voucher.findById(id);
        if (v == null) {
            throw ProblemException.notFound("Voucher", id);
        }
        if (!Roles.isStaff(caller)) {
            v.requireOwnedBy(caller.requireOrganisation());
        }
        return v;
    }

}
