package cn.cvp.voucher.ledger.api;

import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.ledger.api.OrderViews.OrderView;
import cn.cvp.voucher.ledger.api.OrderViews.QuotaView;
import cn.cvp.voucher.ledger.application.OrderQueries;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.support.Roles;
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

/** Annual quotas (额度) of quota-first programmes and what is left of them. */
@Path("/api/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
@RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class QuotaResource {
    private final Caller caller;
    private final OrderQueries queries;

    public QuotaResource(Caller caller, OrderQueries queries) {
        this.caller = caller;
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Quotas with what is left of them; enterprises see only their own")
    public List<QuotaView> list() {
        String owner = Roles.isStaff(caller) ? null : caller.requireOrganisation();
        return queries.quotas(owner).stream().map(QuotaView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One quota: granted, available for new orders, held by orders and allocations, consumed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' quotas and for vouchers that are no quota)")
    public QuotaView get(@PathParam("id") UUID id) {
        return QuotaView.of(queries.quota(caller.actor(), Roles.isStaff(caller), id));
    }

    @GET
    @Path("/{id}/orders")
    @Operation(summary = "The orders placed on the quota, newest first")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public List<OrderView> orders(@PathParam("id") UUID id) {
        Voucher quota = queries.quota(caller.actor(), Roles.isStaff(caller), id);
        return queries.ordersOf(quota).stream().map(o -> OrderView.of(o, queries.holdsOf(o))).toList();
    }
}
