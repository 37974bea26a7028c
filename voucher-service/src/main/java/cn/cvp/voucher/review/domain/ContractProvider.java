package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.support.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * The contract binds the provider (合同先行：签约算力服务机构): in a contract-first programme (Beijing) the contract
 * names the provider it was signed with, and that provider must be known, ACTIVE and a partner of the programme
 * (its {@code programmeMemberships} include the programme's code), and not a related party (关联方) of the
 * enterprise in either direction — the enterprise lists the provider's credit code or name among its related parties,
 * the provider lists the enterprise's credit code or name, or both are the same organisation. The voucher then
 * carries that provider and allocation-service matches it with that provider's offerings only. Quota-first
 * programmes (Shanghai) choose the provider at matching and are not checked here.
 */
public final class ContractProvider {
    private ContractProvider() {
    }

    /**
     * @param programmeCode the application's programme
     * @param provider      the directory's entry for {@code contract.providerCreditCode()}; null if there is none
     * @return the first of the rule's failures: required, unknown, not a partner, related
     */
    public static Optional<Refusal> check(ProgrammeRules rules, String programmeCode, Enterprise enterprise,
                                          Contract contract, ProviderDirectoryEntry provider) {
        if (rules.model() != ProgrammeRules.FundingModel.CONTRACT_FIRST) {
            return Optional.empty();
        }
        String creditCode = contract.providerCreditCode();
        if (creditCode == null || creditCode.isBlank()) {
            return Optional.of(new Refusal("CONTRACT_PROVIDER_REQUIRED",
                    "The contract must name the provider it was signed with (contract.providerCreditCode)",
                    "合同须写明签约的算力服务机构（contract.providerCreditCode）"));
        }
        if (provider == null) {
            return Optional.of(new Refusal("CONTRACT_PROVIDER_UNKNOWN",
                    "No provider with credit code " + creditCode + " is known",
                    "未找到统一社会信用代码为 " + creditCode + " 的算力服务机构"));
        }
        ProviderDirectoryEntry p = provider;
        if (!p.isPartnerOf(programmeCode)) {
            return Optional.of(new Refusal("CONTRACT_PROVIDER_NOT_PARTNER",
                    "Provider " + creditCode + " is not an active partner of programme " + programmeCode
                            + " (status " + p.status() + ")",
                    "算力服务机构 " + creditCode + " 不是项目 " + programmeCode + " 的有效合作机构（状态 " + p.status() + "）"));
        }
        if (related(enterprise, p)) {
            return Optional.of(new Refusal("CONTRACT_PROVIDER_RELATED",
                    "Provider " + creditCode + " and the enterprise are related parties",
                    "算力服务机构 " + creditCode + " 与申请企业存在关联关系"));
        }
        return Optional.empty();
    }

    /** Related in either direction, or the same organisation. */
    static boolean related(Enterprise enterprise, ProviderDirectoryEntry provider) {
        if (provider.creditCode().equals(enterprise.creditCode())) {
            return true;
        }
        List<String> enterpriseLists = enterprise.relatedParties() == null ? List.of() : enterprise.relatedParties();
        List<String> providerLists = provider.relatedParties();
        return names(enterpriseLists, provider.creditCode(), provider.name())
                || names(providerLists, enterprise.creditCode(), enterprise.name());
    }

    private static boolean names(List<String> parties, String creditCode, String name) {
        for (String party : parties) {
            if (party == null) {
                continue;
            }
            String p = party.strip();
            if (p.equalsIgnoreCase(creditCode) || (name != null && !name.isBlank() && p.equals(name.strip()))) {
                return true;
            }
        }
        return false;
    }
}
