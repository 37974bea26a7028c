package cn.cvp.kit.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    public record AuditView(String service, long id, String actorSubject, String actorUsername,
                            String actorOrganisation, String action, String targetType, String targetId, String before,
                            String after, OffsetDateTime occurredAt, Long chainSeq, String rowHash) {
    }

    private static final int EXPORT_LIMIT = 100_000;

    private final AuditChain chain;
    private final ObjectMapper mapper;
    private final String service;

    public AuditResource(AuditChain chain, ObjectMapper mapper,
                         @ConfigProperty(name = "quarkus.application.name") String service) {
        this.chain = chain;
        this.mapper = mapper;
        this.service = service;
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"auditor", "platform-admin"})
    @Operation(summary = "Verifies this service's audit hash chain from its first row: intact, or the first broken link "
            + "(a row edited, re-linked or deleted behind the service's back); rows written in the last second or so "
            + "are not sealed yet (unsealedRows)")
    public AuditChain.Verification verify() {
        return chain.verify();
    }

    @GET
    @Path("/export")
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed({"auditor", "platform-admin"})
    @Operation(summary = "The whole trail of one aggregate in this service, oldest first, as JSON lines (default) or CSV "
            + "(format=csv); `platform audit export <id>` merges the three services'")
    public Response export(@QueryParam("targetId") @NotBlank String targetId,
                           @QueryParam("targetType") String targetType,
                           @QueryParam("format") @DefaultValue("jsonl") @Pattern(regexp = "jsonl|csv") String format) {
        Map<String, Object> params = new HashMap<>();
        params.put("targetId", targetId);
        String q = "targetId = :targetId";
        if (targetType != null) {
            q += " and targetType = :targetType";
            params.put("targetType", targetType);
        }
        List<AuditView> rows = AuditRecord.<AuditRecord>find(q, Sort.ascending("occurredAt", "id"), params)
                .range(0, EXPORT_LIMIT - 1).list().stream().map(this::view).toList();
        StringBuilder out = new StringBuilder();
        if (format.equals("csv")) {
            out.append("service,id,chainSeq,occurredAt,actorSubject,actorUsername,actorOrganisation,action,targetType,"
                    + "targetId,before,after,rowHash\n");
            for (AuditView v : rows) {
                out.append(String.join(",", csv(v.service()), csv(v.id()), csv(v.chainSeq()), csv(v.occurredAt()),
                        csv(v.actorSubject()), csv(v.actorUsername()), csv(v.actorOrganisation()), csv(v.action()),
                        csv(v.targetType()), csv(v.targetId()), csv(v.before()), csv(v.after()), csv(v.rowHash())))
                        .append('\n');
            }
            return Response.ok(out.toString(), "text/csv; charset=UTF-8").build();
        }
        try {
            for (AuditView v : rows) {
                out.append(mapper.writeValueAsString(v)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit row cannot be written as JSON", e);
        }
        return Response.ok(out.toString(), "application/x-ndjson; charset=UTF-8").build();
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private AuditView view(AuditRecord r) {
        return new AuditView(service, r.id, r.actorSubject, r.actorUsername, r.actorOrganisation, r.action,
                r.targetType, r.targetId, r.before, r.after, r.occurredAt, r.chainSeq, r.rowHash);
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
                .stream().map(this::view).toList();
    }
}
