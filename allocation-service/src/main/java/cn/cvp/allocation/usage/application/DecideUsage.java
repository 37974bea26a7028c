package cn.cvp.allocation.usage.application;

import cn.cvp.allocation.usage.domain.UsageReport;

import java.util.List;

/** A poll of usage.reported.v1 events to decide, in their order. */
public record DecideUsage(List<Reported> reports) {

    public DecideUsage {
        reports = List.copyOf(reports);
    }

    /** One usage.reported.v1 event: its id and the report. */
    public record Reported(String eventId, UsageReport report) {
    }
}
