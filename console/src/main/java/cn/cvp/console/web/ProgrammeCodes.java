package cn.cvp.console.web;

import cn.cvp.console.api.Api;
import cn.cvp.console.api.Service;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashMap;
import java.util.Map;

/** Programme id → code for the tables that show applications, vouchers and batches; asked once per request. */
@RequestScoped
public class ProgrammeCodes {
    private final Api api;
    private Map<String, String> codes;

    public ProgrammeCodes(Api api) {
        this.api = api;
    }

    public Map<String, String> get() {
        if (codes == null) {
            codes = new HashMap<>();
            api.get(Service.VOUCHER, "/api/programmes").list()
                    .forEach(p -> codes.put(p.get("id").toString(), p.get("code").toString()));
        }
        return codes;
    }
}
