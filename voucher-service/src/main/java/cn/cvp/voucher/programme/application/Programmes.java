package cn.cvp.voucher.programme.application;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.Programme;
import cn.cvp.voucher.programme.domain.ProgrammeRuleSet;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.persistence.ProgrammeRepository;
import cn.cvp.voucher.programme.persistence.ProgrammeRuleSetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Programmes and their versioned rule sets, as the other contexts and the API read them. The locking methods are for
 * use cases that change a programme's budget in their own transaction (submission, approval, capture, expiry).
 */
@ApplicationScoped
public class Programmes {
    private final ProgrammeRepository programmes;
    private final ProgrammeRuleSetRepository ruleSets;

    public Programmes(ProgrammeRepository programmes, ProgrammeRuleSetRepository ruleSets) {
        this.programmes = programmes;
        this.ruleSets = ruleSets;
    }

    public Programme byCode(String code) {
        return programmes.findByCode(code).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "PROGRAMME_NOT_FOUND", "Programme " + code + " does not exist", "项目 " + code + " 不存在"));
    }

    public Optional<UUID> idOfCode(String code) {
        return programmes.findByCode(code).map(Programme::id);
    }

    public Programme get(UUID id) {
        return programmes.findById(id);
    }

    /** The programme, its row locked to the end of the transaction. */
    public Programme lock(UUID id) {
        return programmes.lock(id);
    }

    /** The programme of this code (404 PROGRAMME_NOT_FOUND otherwise), locked. */
    public Programme lockByCode(String code) {
        return programmes.lock(byCode(code).id());
    }

    /** These programmes, locked in id order. */
    public Map<UUID, Programme> lockAll(Collection<UUID> ids) {
        return programmes.lockAll(ids);
    }

    public ProgrammeRules rules(UUID programmeId, int version) {
        return ruleSets.version(programmeId, version).map(ProgrammeRuleSet::rules).orElseThrow(() ->
                new IllegalStateException("programme " + programmeId + " has no rules version " + version));
    }

    public ProgrammeRules currentRules(Programme programme) {
        return rules(programme.id(), programme.currentRulesVersion());
    }

    /** One version of a programme's rules; a version it never had is not found. */
    public ProgrammeRules rulesVersion(String code, int version) {
        Programme p = byCode(code);
        if (version < 1 || version > p.currentRulesVersion()) {
            throw DomainException.notFound("Rules version", version);
        }
        return rules(p.id(), version);
    }

    public List<Programme> all() {
        return programmes.allByCode();
    }
}
