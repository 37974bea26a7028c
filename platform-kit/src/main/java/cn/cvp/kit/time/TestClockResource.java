package cn.cvp.kit.time;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.security.Caller;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The test stack's clock, for the end-to-end journeys that must get past the end of a settlement period. It exists
 * only with {@code cvp.test-clock.enabled=true}: otherwise every call is a 404, as for a route that does not exist,
 * with or without a token (the kit's config lets these paths through the /api authentication policy; the resource
 * checks the caller itself). Platform administrators only. Each advance is audited.
 */
@Path("/api/test-clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Test clock (test stack only)")
public class TestClockResource {
    private static final Logger LOG = Logger.getLogger(TestClockResource.class);
    static final String ROLE = "platform-admin";

    public record Advance(@NotBlank String by) {
    }

    public record ClockView(Instant instant, String offset, String service) {
    }

    private final boolean enabled;
    private final AdjustableClock adjustable;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final AuditLog audit;
    private final String service;

    public TestClockResource(@ConfigProperty(name = ClockProducer.TEST_CLOCK_ENABLED, defaultValue = "false") boolean enabled,
                             AdjustableClock adjustable, Clock clock, SecurityIdentity identity, Caller caller,
                             AuditLog audit, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.enabled = enabled;
        this.adjustable = adjustable;
        this.clock = clock;
        this.identity = identity;
        this.caller = caller;
        this.audit = audit;
        this.service = service;
    }

    @GET
    @PermitAll // checked below, after the 404 of a stack without the test clock
    @Operation(summary = "Test stack only (cvp.test-clock.enabled): this service's time and how far it was advanced")
    public ClockView get() {
        requireAdmin();
        return view();
    }

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll // checked below, after the 404 of a stack without the test clock
    @Transactional
    @Operation(summary = "Test stack only (cvp.test-clock.enabled): moves this service's clock forward by an ISO-8601 "
            + "duration (e.g. P35D); it never moves back")
    public ClockView advance(Advance request) {
        requireAdmin();
        Duration by;
        try {
            by = Duration.parse(request == null || request.by() == null ? "" : request.by().trim());
        } catch (DateTimeParseException e) {
            throw badDuration();
        }
        if (by.isNegative() || by.isZero()) {
            throw badDuration();
        }
        Duration before = adjustable.offset();
        Duration after = adjustable.advance(by);
        LOG.warnf("test clock of %s advanced by %s (offset now %s)", service, by, after);
        audit.record(caller.actor(), "TEST_CLOCK_ADVANCED", "TestClock", service,
                Map.of("offset", before.toString()), Map.of("offset", after.toString(), "by", by.toString()));
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), adjustable.offset().toString(), service);
    }

    private void requireAdmin() {
        if (!enabled) {
            throw new NotFoundException();
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(ROLE)) {
            throw new ForbiddenException();
        }
    }

    private static ProblemException badDuration() {
        return new ProblemException(400, "TEST_CLOCK_BAD_DURATION",
                "'by' must be a positive ISO-8601 duration such as P35D or PT12H",
                "'by' 必须是正的 ISO-8601 时长，例如 P35D 或 PT12H");
    }
}
