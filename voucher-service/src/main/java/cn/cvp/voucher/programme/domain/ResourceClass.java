package cn.cvp.voucher.programme.domain;

/**
 * The resource classes enterprises can ask for, with their category, whether the chip is domestic, and the one unit
 * a demand for it is counted in (as provider-service's catalogue has them).
 */
public enum ResourceClass {
    GPU_A800_80G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    GPU_H800_80G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    GPU_A100_40G(ResourceCategory.COMPUTE, false, BillingUnit.CARD_HOUR),
    NPU_ASCEND_910B(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    NPU_ASCEND_910C(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    GPU_MLU370(ResourceCategory.COMPUTE, true, BillingUnit.CARD_HOUR),
    /** x86 CPU cores, in core-hours (核时). */
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

    /** Card-hours, core-hours or TB-months. */
    public BillingUnit unit() {
        return unit;
    }

    public ResourceCategory category() {
        return category;
    }

    public boolean domesticChip() {
        return domesticChip;
    }
}
