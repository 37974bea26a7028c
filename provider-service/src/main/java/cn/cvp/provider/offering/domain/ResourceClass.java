package cn.cvp.provider.offering.domain;

import cn.cvp.kit.domain.DomainException;

/**
 * The catalogue of resource classes a provider can offer: category, whether the chip is domestic
 * (Hangzhou-style programmes subsidise domestic chips at a higher ratio) and the billing unit — exactly one per class.
 */
public enum ResourceClass {
    GPU_A800_80G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    GPU_H800_80G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    GPU_A100_40G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    /** Huawei Ascend 910B (昇腾). */
    NPU_ASCEND_910B(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    NPU_ASCEND_910C(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    /** Cambricon MLU370 (寒武纪). */
    GPU_MLU370(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    /** x86 CPU cores, sold in core-hours (核时). */
    CPU_X86_CORE(ResourceCategory.COMPUTE, false, BillingUnit.CORE_HOUR),
    STORAGE_TB_MONTH(ResourceCategory.STORAGE, false, BillingUnit.TB_MONTH);

    private final ResourceCategory category;
    private final boolean domesticChip;
    private final BillingUnit unit;

    ResourceClass(ResourceCategory category, boolean domesticChip, BillingUnit unit) {
        this.category = category;
        this.domesticChip = domesticChip;
        this.unit = unit;
    }

    public ResourceCategory category() {
        return category;
    }

    public boolean domesticChip() {
        return domesticChip;
    }

    public BillingUnit unit() {
        return unit;
    }

    /**
     * An offering states its unit only to confirm it: a unit that is not this class's (say TB_MONTH for a GPU) is
     * refused, 422 UNIT_DOES_NOT_FIT_RESOURCE_CLASS; none stated takes the class's.
     */
    public void requireUnit(BillingUnit stated) {
        if (stated != null && stated != unit) {
            throw new DomainException(DomainException.Kind.RULE_VIOLATION, "UNIT_DOES_NOT_FIT_RESOURCE_CLASS",
                    "Resource class " + name() + " is sold in " + unit + ", not " + stated,
                    "资源类别 " + name() + " 的计量单位为 " + unit + "，不能按 " + stated + " 计量",
                    java.util.Map.of("resourceClass", name(), "unit", unit.name(), "statedUnit", stated.name()),
                    java.util.List.of());
        }
    }
}
