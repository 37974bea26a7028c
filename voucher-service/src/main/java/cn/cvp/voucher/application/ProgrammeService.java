package cn.cvp.voucher.application;

import cn.cvp.kit.problem.ProblemException;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRuleSet;
import cn.cvp.voucher.domain.ProgrammeRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Programmes and their versioned rule sets. */
@ApplicationScoped
public class ProgrammeService {

    public Programme byCode(String code) {
        Programme p = Programme.find("code", code).firstResult();
        if (p == null) {
            throw new ProblemException(404, "PROGRAMME_NOT_FOUND", "Programme " + code + " does not exist",
                    "项目 " + code + " 不存在");
        }
        return p;
    }

    public ProgrammeRules rules(UUID programmeId, int version) {
        ProgrammeRuleSet set = ProgrammeRuleSet.findById(new ProgrammeRuleSet.Key(programmeId, version));
        if (set == null) {
            throw new IllegalStateException("programme " + programmeId + " has no rules version " + version);
        }
        return set.rules;
    }

    public List<Programme> all() {
        return Programme.listAll(io.quarkus.panache.common.Sort.by("code"));
    }
}
