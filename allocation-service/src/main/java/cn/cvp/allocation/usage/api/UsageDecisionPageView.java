package cn.cvp.allocation.usage.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "UsageDecisionPage", description = "One page of usage decisions, newest first")
public record UsageDecisionPageView(List<UsageDecisionView> items, int page, int size, long total) {
}
