package cn.cvp.provider.offering.domain;

/**
 * The catalogue of resource classes a provider can offer: category, whether the chip is domestic
 * (Hangzhou-style programmes subsidise domestic chips at a higher ratio) and the billing unit.
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
}
