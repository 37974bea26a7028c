package cn.cvp.voucher.ledger.api;

import cn.cvp.kit.creditcode.ValidCreditCode;
import cn.cvp.kit.security.Caller;
import cn.cvp.voucher.ledger.api.OrderViews.OrderView;
import cn.cvp.voucher.ledger.application.CancelOrder;
import cn.cvp.voucher.ledger.application.OrderQueries;
import cn.cvp.voucher.ledger.application.PlaceOrder;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.support.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Orders (订单) an enterprise places against its quota (额度) under a quota-first programme. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@RolesAllowed({Roles.ENTERPRISE, Roles.REVIEWER, Roles.APPROVER, Roles.AUDITOR, Roles.ADMIN})
public class OrderResource {
    private final Caller caller;
    private final OrderQueries queries;
    private final PlaceOrder placing;
    private final CancelOrder cancelling;

    public OrderResource(Caller caller, OrderQueries queries, PlaceOrder placing, CancelOrder cancelling) {
        this.caller = caller;
        this.queries = queries;
        this.placing = placing;
        this.cancelling = cancelling;
    }

    /**
     * What is ordered: a resource class, a quantity in the class's one unit (card-hours, core-hours or TB-months;
     * {@code unit} optional but must fit; {@code cardHours} still accepted for card-hour classes), regions, a
     * window, optionally the provider chosen.
     */
    public record Demand(
            @NotNull ResourceClass resourceClass,
            BillingUnit unit,
            @Positive @Max(10_000_000) Long quantity,
            @Positive @Max(10_000_000) Long cardHours,
            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit administrative division code") String> regions,
            @NotNull OffsetDateTime windowStart,
            @NotNull OffsetDateTime windowEnd,
            @ValidCreditCode String providerCreditCode) {
    }

    /** {@code amountFen}: what the order will rent (the subsidy it holds is ratio × amount). */
    public record Place(@NotNull UUID quotaId, @NotNull @Valid Demand demand,
                        @Positive @Max(1_000_000_000_000L) long amountFen) {
    }

    @POST
    @RolesAllowed(Roles.ENTERPRISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order on the enterprise's quota: it holds ratio × amount, capped by what is left of the quota")
    @APIResponse(responseCode = "201", description = "PLACED, with its holdFen")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, INVALID_WINDOW, ORDER_TOO_SMALL, UNKNOWN_ENUM_VALUE")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (no such quota, or another enterprise's)")
    @APIResponse(responseCode = "422", description = "QUOTA_EXHAUSTED, QUOTA_NOT_ACTIVE, NOT_A_QUOTA, CATEGORY_NOT_COVERED, "
            + "UNIT_DOES_NOT_FIT_RESOURCE_CLASS")
    public Response place(@Valid @NotNull Place request) {
        Demand d = request.demand();
        cn.cvp.voucher.review.domain.Demand ordered = cn.cvp.voucher.review.domain.Demand.requested(d.resourceClass(),
                d.unit(), d.quantity(), d.cardHours(), d.regions(), d.windowStart(), d.windowEnd());
        ordered.requireValidWindow();
        QuotaOrder order = placing.place(new PlaceOrder.Command(request.quotaId(), d.resourceClass().name(),
                ordered.quantity(), d.regions(), d.windowStart(), d.windowEnd(), d.providerCreditCode(),
                request.amountFen()), caller.actor());
        return Response.status(201).entity(OrderView.of(order, queries.holdsOf(order))).build();
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.ENTERPRISE)
    @Operation(summary = "Cancel an order: what it holds and its allocations did not use goes back to the quota")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ILLEGAL_STATE (already cancelled), ORDER_IN_USE (an allocation still holds part of it)")
    public OrderView cancel(@PathParam("id") UUID id) {
        QuotaOrder order = cancelling.cancel(new CancelOrder.Command(id), caller.actor());
        return OrderView.of(order, queries.holdsOf(order));
    }

    @GET
    @Operation(summary = "Orders, newest first; enterprises see only their own")
    public List<OrderView> list() {
        String owner = Roles.isStaff(caller) ? null : caller.requireOrganisation();
        return queries.orders(owner).stream().map(o -> OrderView.of(o, queries.holdsOf(o))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order, with the holds of its allocations")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for other enterprises' orders)")
    public OrderView get(@PathParam("id") UUID id) {
        QuotaOrder order = queries.order(caller.actor(), Roles.isStaff(caller), id);
        return OrderView.of(order, queries.holdsOf(order));
    }
}
