package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.ArrayList;
import java.util.List;

/**
 * A provider's standing in programmes, by programme code: e.g. {@code BJ-AICV} (Beijing compute partner, 算力伙伴)
 * or {@code SH-ICV} (Shanghai listed service institution, 服务机构). Codes are kept sorted and distinct. When
 * verification passes, the standing approved is what the administrator names, or else what the provider asked for in
 * its self-assessment, and it must name at least one programme. Standing is granted and withdrawn only while the
 * provider is listed (ACTIVE or SUSPENDED).
 */
public final class ProgrammeStanding {

    private ProgrammeStanding() {
    }

    /** Sorted and distinct; none for null. */
    public static List<String> normalised(List<String> programmes) {
        return programmes == null ? List.of() : programmes.stream().distinct().sorted().toList();
    }

    /** The standing approved at verification: the programmes named, else the requested ones; refused when none. */
    public static List<String> approved(List<String> named, List<String> requested) {
        List<String> approved = normalised(named == null || named.isEmpty() ? requested : named);
        if (approved.isEmpty()) {
            throw DomainException.refused("NO_PROGRAMME_STANDING",
                    "Name at least one programme the provider will serve (it requested none)",
                    "须至少指定一个服务的项目（该机构未申请任何项目）");
        }
        return approved;
    }

    /** Standing changes only while listed; otherwise 409 with the current status. */
    public static void requireListed(ProviderStatus status, String what) {
        if (status != ProviderStatus.ACTIVE && status != ProviderStatus.SUSPENDED) {
            throw DomainException.illegalState("Provider", status, what);
        }
    }

    /** The memberships with {@code programme} added, or null when it is there already. */
    public static List<String> granting(List<String> memberships, String programme) {
        if (memberships.contains(programme)) {
            return null;
        }
        List<String> next = new ArrayList<>(memberships);
        next.add(programme);
        return normalised(next);
    }

    /** The memberships without {@code programme}, or null when it was not there. */
    public static List<String> withdrawing(List<String> memberships, String programme) {
        if (!memberships.contains(programme)) {
            return null;
        }
        return memberships.stream().filter(p -> !p.equals(programme)).toList();
    }
}
