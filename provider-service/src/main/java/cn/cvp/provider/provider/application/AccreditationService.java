package cn.cvp.provider.provider.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.provider.domain.ProgrammeStanding;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The way to being listed: the provider's self-assessment (自评), platform verification (平台核验), and the start of
 * the public notice (公示) once verification has passed; plus the administrator's shortcut that lists an onboarding
 * provider at once. The notice itself, objections and listing are {@link PublicNoticeService}'s.
 */
@ApplicationScoped
public class AccreditationService {
    private final ProviderTransitions transitions;
    private final ProviderRepository providers;
    private final ProgrammeCriteriaService criteria;
    private final Clock clock;

    public AccreditationService(ProviderTransitions transitions, ProviderRepository providers,
                                ProgrammeCriteriaService criteria, Clock clock) {
        this.transitions = transitions;
        this.providers = providers;
        this.criteria = criteria;
        this.clock = clock;
    }

    /** The provider's own self-assessment (another organisation's provider answers 404): → SELF_ASSESSED. */
    @Transactional
    public Provider selfAssess(Actor actor, SubmitSelfAssessment command) {
        Provider own = providers.findByIdOptional(command.providerId())
                .filter(p -> p.creditCode().equals(actor.organisation()))
                .orElseThrow(() -> DomainException.notFound("Provider", command.providerId()));
        return transitions.apply(actor, own.id(), "PROVIDER_SELF_ASSESSED",
                p -> p.selfAssess(command.assessment(), now()));
    }

    @Transactional
    public Provider startVerification(Actor actor, StartVerification command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_VERIFICATION_STARTED",
                p -> p.startVerification(command.reason(), now()));
    }

    @Transactional
    public Provider returnSelfAssessment(Actor actor, ReturnSelfAssessment command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_SELF_ASSESSMENT_RETURNED",
                p -> p.returnSelfAssessment(command.reason(), now()));
    }

    /**
     * Verification passed: public notice (公示) for the longest notice period of the programmes approved, once the
     * provider is found to meet each programme's criteria (years operating, private investment).
     */
    @Transactional
    public Provider startPublicNotice(Actor actor, StartPublicNotice command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_PUBLIC_NOTICE_STARTED", p -> {
            List<String> programmes = ProgrammeStanding.approved(command.programmes(), p.requestedProgrammes());
            int noticeDays = criteria.requireMetFor(p, programmes);
            return p.verified(programmes, noticeDays, command.reason(), now());
        });
    }

    /**
     * Administrator's shortcut: lists an onboarding provider (ACTIVE) for the given programmes at once,
     * skipping self-assessment, verification and public notice (e.g. a provider already listed under
     * the paper procedure). Audited as such.
     */
    @Transactional
    public Provider accredit(Actor actor, AccreditProvider command) {
        return transitions.apply(actor, command.providerId(), "PROVIDER_ACCREDITED_SHORTCUT", p -> {
            criteria.requireMetFor(p, command.programmes());
            return p.accredit(command.programmes(), command.reason(), now());
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
