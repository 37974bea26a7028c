package cn.cvp.provider.usage.application;

import cn.cvp.provider.usage.domain.UsageRecord;

import java.util.List;

/** A batch of usage records of the caller's provider, each to be answered on its own, in order. */
public record ReportUsage(List<UsageRecord> records) {
}
