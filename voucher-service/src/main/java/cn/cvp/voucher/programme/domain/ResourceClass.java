package cn.cvp.voucher.programme.domain;

/** The resource classes enterprises can ask for, with their category and whether the chip is domestic. */
public enum ResourceClass {
    GPU_A800_80G(ResourceCategory.COMPUTE, false),
    GPU_H800_80G(ResourceCategory.COMPUTE, false),
    GPU_A100_40G(ResourceCategory.COMPUTE, false),
    NPU_ASCEND_910B(ResourceCategory.COMPUTE, true),
    NPU_ASCEND_910C(ResourceCategory.COMPUTE, true),
    GPU_MLU370(ResourceCategory.COMPUTE, true),
    STORAGE_TB_MONTH(ResourceCategory.STORAGE, false);

    private final ResourceCategory category;
    private final boolean domesticChip;

    ResourceClass(ResourceCategory category, boolean domesticChip) {
        this.category = category;
        this.domesticChip = domesticChip;
    }

    public ResourceCategory category() {
        return category;
    }

    public boolean domesticChip() {
        return domesticChip;
    }
}
