package cn.cvp.kit.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every service's audit trail, read-only, for auditors and administrators. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    public record AuditView(long id, String actorSubject, String actorUsername, String actorOrganisation, String action,
                            String targetType, String targetId, String before, String after, OffsetDateTime occurredAt) {
    }

    @GET
    @RolesAllowed({"auditor", "platform-admin"})
    @Operation(summary = "Audit records, newest first: who (token subject and organisation), when, what, before and after; "
            + "filter by target, actor or action")
    public List<AuditView> list(@QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                                @QueryParam("actor") String actor, @QueryParam("action") String action,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (targetType != null) {
            q.append(" and targetType = :targetType");
            params.put("targetType", targetType);
        }
        if (targetId != null) {
            q.append(" and targetId = :targetId");
            params.put("targetId", targetId);
        }
        if (actor != null) {
            q.append(" and (actorUsername = :actor or actorSubject = :actor or actorOrganisation = :actor)");
            params.put("actor", actor);
        }
        if (action != null) {
            q.append(" and action = :action");
            params.put("action", action);
        }
        return AuditRecord.<AuditRecord>find(q.toString(), Sort.descending("id"), params).page(Page.of(page, size)).list()
                .stream().map(r -> new AuditView(r.id, r.actorSubject, r.actorUsername, r.actorOrganisation, r.action,
                        r.targetType, r.targetId, r.before, r.after, r.occurredAt)).toList();
    }
}
