package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a supporting document (invoice, delivery certificate) may be: a PDF, JPEG or PNG — its content, not only its
 * declared type, must say so (the first bytes are checked) — not empty, and at most the configured size. A document
 * that is refused is not stored.
 */
public final class DocumentFormat {
    private static final String ALLOWED = Arrays.stream(DocumentType.values()).map(DocumentType::mediaType)
            .collect(Collectors.joining(", "));

    private DocumentFormat() {
    }

    /** Whether a declared media type is one the platform takes at all (the edge answers 415 otherwise). */
    public static boolean allowedMediaType(String declared) {
        return DocumentType.ofMediaType(declared).isPresent();
    }

    /** Whether a document of this size is over the limit (the edge answers 413). */
    public static boolean tooLarge(long sizeBytes, long maxBytes) {
        return sizeBytes > maxBytes;
    }

    public static String allowedMediaTypes() {
        return ALLOWED;
    }

    /**
     * The document's type: the declared one, if the content's first bytes agree with it.
     *
     * @throws DomainException {@code DOCUMENT_TYPE_NOT_ALLOWED} (a type other than PDF, JPEG or PNG declared),
     *                         {@code DOCUMENT_EMPTY}, {@code DOCUMENT_CONTENT_MISMATCH} (the bytes are not what was
     *                         declared, e.g. a renamed executable)
     */
    public static DocumentType check(String declaredMediaType, byte[] content) {
        DocumentType declared = DocumentType.ofMediaType(declaredMediaType).orElseThrow(() -> DomainException.refused(
                "DOCUMENT_TYPE_NOT_ALLOWED", "A document must be one of " + ALLOWED + ", not " + declaredMediaType,
                "单据须为 " + ALLOWED + " 之一，不能是 " + declaredMediaType));
        if (content == null || content.length == 0) {
            throw DomainException.invalid("DOCUMENT_EMPTY", "The document is empty", "上传的单据为空");
        }
        DocumentType actual = DocumentType.sniff(content).orElse(null);
        if (actual != declared) {
            throw DomainException.refused("DOCUMENT_CONTENT_MISMATCH",
                    "The document's content is not a " + declared.name() + " file"
                            + (actual == null ? "" : " (it is a " + actual.name() + ")"),
                    "单据内容不是 " + declared.name() + " 文件" + (actual == null ? "" : "（实为 " + actual.name() + "）"));
        }
        return declared;
    }
}
