package cn.cvp.provider.usage.application;

import cn.cvp.provider.usage.domain.UsageRecord;

import java.util.UUID;

/**
 * A correction of a usage report: the corrected figures ({@code correction}'s record id and allocation are the
 * corrected report's) and why.
 */
public record CorrectUsageReport(UUID usageReportId, UsageRecord correction, String reason) {
}
