package cn.cvp.allocation.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AllocationPage", description = "One page of allocations, newest first")
public record AllocationPageView(List<AllocationView> items, int page, int size, long total) {
}
