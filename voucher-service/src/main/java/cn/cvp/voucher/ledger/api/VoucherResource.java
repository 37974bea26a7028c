package cn.cvp.voucher.ledger.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.ledger.api.VoucherViews.LedgerEntryView;
import cn.cvp.voucher.ledger.api.VoucherViews.VoucherView;
import cn.cvp.voucher.ledger.application.ChangeVoucherValidity;
import cn.cvp.voucher.ledger.application.FreezeVoucher;
import cn.cvp.voucher.ledger.application.RevokeVoucher;
import cn.cvp.voucher.ledger.application.VoucherQueries;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.UUID;

@Path("/api/vouchers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vouchers")
@RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class VoucherResource {
    private final Caller caller;
    private final VoucherQueries vouchers;
    private final FreezeVoucher freezing;
    private final RevokeVoucher revocation;
    private final ChangeVoucherValidity validityChange;

    public VoucherResource(Caller caller, VoucherQueries vouchers, FreezeVoucher freezing, RevokeVoucher revocation,
                           ChangeVoucherValidity validityChange) {
        this.caller = caller;
        this.vouchers = vouchers;
        this.freezing = freezing;
        this.revocation = revocation;
        this.validityChange = validityChange;
    }

    public record Reason(@Size(max = 2000) String reason) {
    }

    public record Validity(@NotNull OffsetDateTime validUntil, @Size(max = 2000) String reason) {
    }

    @POST
    @Path("/{id}/freeze")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze (冻结): no new holds or captures; usage on it is rejected")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public VoucherView freeze(@PathParam("id") UUID id, @Valid Reason reason) {
        return view(freezing.freeze(new FreezeVoucher.Command(id, reason == null ? null : reason.reason()), caller.actor()));
    }

    @POST
    @Path("/{id}/unfreeze")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unfreeze")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public VoucherView unfreeze(@PathParam("id") UUID id, @Valid Reason reason) {
        return view(freezing.unfreeze(new FreezeVoucher.Command(id, reason == null ? null : reason.reason()),
                caller.actor()));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke (撤销) with a reason: holds are released and the unused money returns to the programme budget")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public VoucherView revoke(@PathParam("id") UUID id, @Valid @NotNull Reason reason) {
        return view(revocation.revoke(new RevokeVoucher.Command(id, reason.reason()), caller.actor()));
    }

    @PUT
    @Path("/{id}/validity")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend or shorten the validity (with a reason); once it has passed, the expiry job (every 10 s) "
            + "expires the voucher and returns its unused money to the programme budget")
    @APIResponse(responseCode = "400", description = "REASON_REQUIRED, INVALID_VALIDITY")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE")
    public VoucherView validity(@PathParam("id") UUID id, @Valid @NotNull Validity validity) {
        return view(validityChange.change(new ChangeVoucherValidity.Command(id, validity.validUntil(), validity.reason()),
                caller.actor()));
    }

    @GET
    @Operation(summary = "Vouchers with balances; enterprises see only their own")
    public List<VoucherView> list() {
        String owner = caller.hasRole(Roles.ENTERPRISE) && !Roles.isStaff(caller) ? caller.requireOrganisation() : null;
        return vouchers.list(owner).stream().map(v -> VoucherView.of(v, vouchers.holdsUnordered(v))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One voucher: face value, held, consumed, balance, holds")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' vouchers)")
    public VoucherView get(@PathParam("id") UUID id) {
        return view(vouchers.visible(caller.actor(), Roles.isStaff(caller), id));
    }

    @GET
    @Path("/{id}/ledger")
    @Operation(summary = "The voucher's append-only ledger: issue, holds, captures, releases, expiry, revocation")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public List<LedgerEntryView> ledger(@PathParam("id") UUID id) {
        Voucher v = vouchers.visible(caller.actor(), Roles.isStaff(caller), id);
        return vouchers.ledger(v).stream().map(LedgerEntryView::of).toList();
    }

    private VoucherView view(Voucher v) {
        return VoucherView.of(v, vouchers.holds(v));
    }
}
