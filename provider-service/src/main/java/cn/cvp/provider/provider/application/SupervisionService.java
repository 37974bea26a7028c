package cn.cvp.provider.provider.application;

import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.support.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What happens to a provider after it is listed: suspension and reinstatement, removal (final), programme standing
 * granted and withdrawn by the administrators, and the provider's own exit (退出) from any status that is not final.
 */
@ApplicationScoped
public class SupervisionService {
    private final ProviderTransitions transitions;
    private final ProviderQueries queries;
    private final ProgrammeCriteriaService criteria;
    private final Clock clock;

    public SupervisionService(ProviderTransitions transitions, ProviderQueries queries,
                              ProgrammeCriteriaService criteria, Clock clock) {
        this.transitions = transitions;
        this.queries = queries;
        this.criteria = criteria;
        this.clock = clock;
    }

    @Transactional
    public Provider suspend(Actor actor, SuspendProvider command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_SUSPENDED",
                p -> p.suspend(command.reason(), now()));
    }

    @Transactional
    public Provider reinstate(Actor actor, ReinstateProvider command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_REINSTATED",
                p -> p.reinstate(command.reason(), now()));
    }

    @Transactional
    public Provider remove(Actor actor, RemoveProvider command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_REMOVED",
                p -> p.remove(command.reason(), now()));
    }

    /** Exit (退出): by the provider itself (its own only, else 404) or an administrator. */
    @Transactional
    public Provider exit(Actor actor, ExitProvider command) {
        queries.visibleTo(new Viewer(command.anyProvider(), actor.organisation()), command.providerId());
        return transitions.apply(actor, command.providerId(), "PROVIDER_EXITED",
                p -> p.exit(command.reason(), now()));
    }

    @Transactional
    public Provider grantProgramme(Actor actor, GrantProgramme command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_PROGRAMME_GRANTED", p -> {
            criteria.requireMetFor(p, List.of(command.programme()));
            return p.grantProgramme(command.programme(), now());
        });
    }

    @Transactional
    public Provider withdrawProgramme(Actor actor, WithdrawProgramme command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_PROGRAMME_WITHDRAWN",
                p -> p.withdrawProgramme(command.programme(), command.reason(), now()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
