package cn.cvp.voucher.api;

import cn.cvp.voucher.application.ProgrammeService;
import cn.cvp.voucher.domain.Programme;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Programmes")
public class ProgrammeResource {
    private final ProgrammeService programmes;

    public ProgrammeResource(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GET
    @Operation(summary = "List programmes with their current rules and budget utilisation")
    public List<Views.ProgrammeView> list() {
        return programmes.all().stream()
                .map(p -> Views.ProgrammeView.of(p, programmes.rules(p.id, p.currentRulesVersion))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One programme by code (e.g. BJ-AICV, SH-ICV)")
    @APIResponse(responseCode = "404", description = "PROGRAMME_NOT_FOUND")
    public Views.ProgrammeView get(@PathParam("code") String code) {
        Programme p = programmes.byCode(code);
        return Views.ProgrammeView.of(p, programmes.rules(p.id, p.currentRulesVersion));
    }
}
