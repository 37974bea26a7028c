package cn.cvp.provider.usage.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrections are new versions, never overwrites: a correction becomes the next version of the record and refers to
 * the report it corrects, which stays as it was (with allocation-service's decision). Only the record's latest
 * version can be corrected (409 STALE_CORRECTION, naming the latest); the same correction sent again is a replay and
 * answers the version it stored; a correction that says the same as the report it corrects is refused (422
 * CORRECTION_CHANGES_NOTHING). The corrected figures must then pass the record rules like any record (422 with the
 * rule's code).
 */
public final class UsageCorrection {

    private UsageCorrection() {
    }

    /**
     * @param corrected   the report to correct
     * @param latest      the latest version of its record
     * @param fingerprint the fingerprint of the corrected record
     * @return the correction stored before, when this is a replay of it; empty when the correction is to be stored
     */
    public static Optional<UsageReport> replayOrRefuse(UsageReport corrected, UsageReport latest, String fingerprint) {
        if (!latest.id().equals(corrected.id())) {
            if (corrected.id().equals(latest.correctsUsageReportId()) && latest.contentHash().equals(fingerprint)) {
                return Optional.of(latest);
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "STALE_CORRECTION",
                    "Usage report " + corrected.id() + " has been corrected already; correct the latest version "
                            + latest.id() + " (version " + latest.version() + ")",
                    "用量报告 " + corrected.id() + " 已被更正，请更正最新版本 " + latest.id() + "（第 " + latest.version() + " 版）",
                    Map.of("latestUsageReportId", latest.id().toString(), "latestVersion", latest.version()), List.of());
        }
        if (corrected.contentHash().equals(fingerprint)) {
            throw DomainException.refused("CORRECTION_CHANGES_NOTHING",
                    "The correction says the same as usage report " + corrected.id(),
                    "更正内容与用量报告 " + corrected.id() + " 相同");
        }
        return Optional.empty();
    }

    /** A corrected record that breaks a record rule: 422 with the rule's code. */
    public static DomainException refused(UsageRecord.Rejection rejection) {
        return DomainException.refused(rejection.code(), rejection.messageEn(), rejection.messageZh());
    }
}
