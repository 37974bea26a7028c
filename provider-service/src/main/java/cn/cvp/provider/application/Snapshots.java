package cn.cvp.provider.application;

import cn.cvp.provider.domain.Offering;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.domain.UsageReport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The before/after states written to the audit log: plain maps, so an entity's later changes cannot leak in. */
final class Snapshots {
    private Snapshots() {
    }

    static Map<String, Object> of(Provider p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id);
        m.put("creditCode", p.creditCode);
        m.put("name", p.name);
        m.put("region", p.region);
        m.put("yearsOperating", p.yearsOperating);
        m.put("site", p.site);
        m.put("privatelyInvested", p.privatelyInvested);
        m.put("relatedParties", p.relatedParties);
        m.put("programmeMemberships", p.programmeMemberships);
        m.put("status", p.status);
        m.put("statusReason", p.statusReason);
        return m;
    }

    static Map<String, Object> of(Offering o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id);
        m.put("providerId", o.providerId);
        m.put("version", o.version);
        m.put("resourceClass", o.resourceClass);
        m.put("region", o.region);
        m.put("units", o.units);
        m.put("unitPriceFen", o.unitPriceFen);
        m.put("availableFrom", String.valueOf(o.availableFrom));
        m.put("availableTo", String.valueOf(o.availableTo));
        m.put("status", o.status);
        return m;
    }

    static Map<String, Object> of(ProviderAllocation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allocationId", a.allocationId);
        m.put("providerId", a.providerId);
        m.put("status", a.status);
        m.put("holdFen", a.holdFen);
        m.put("cancelReason", a.cancelReason);
        return m;
    }

    static Map<String, Object> of(UsageReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("recordId", r.recordId);
        m.put("status", r.status);
        m.put("rejectionReason", r.rejectionReason);
        m.put("acceptedAmountFen", r.acceptedAmountFen);
        m.put("subsidyFen", r.subsidyFen);
        return m;
    }
}
