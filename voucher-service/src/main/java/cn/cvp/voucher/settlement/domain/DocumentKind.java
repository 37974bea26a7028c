package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.Arrays;

/** What a supporting document of a redemption batch is: the invoice (发票) or the delivery certificate (交付凭证). */
public enum DocumentKind {
    INVOICE("invoice", "invoice", "发票"),
    DELIVERY_CERTIFICATE("delivery-certificate", "delivery certificate", "交付凭证");

    private final String slug;
    private final String nameEn;
    private final String nameZh;

    DocumentKind(String slug, String nameEn, String nameZh) {
        this.slug = slug;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
    }

    /** The kind named in a path ({@code invoice}, {@code delivery-certificate}); anything else is not found. */
    public static DocumentKind ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Document kind", slug));
    }

    public String slug() { return slug; }
    public String nameEn() { return nameEn; }
    public String nameZh() { return nameZh; }
}
