package cn.cvp.voucher.settlement.domain;

import java.util.Arrays;
import java.util.Optional;

/** The file types a supporting document may have, each known by its first bytes (magic number). */
public enum DocumentType {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] magic;

    DocumentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    /** The type with this media type (parameters such as {@code ; charset=} ignored, case-insensitive). */
    public static Optional<DocumentType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    /** The type the content's first bytes say it is, if any. */
    public static Optional<DocumentType> sniff(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.startsOf(content)).findFirst();
    }

    private boolean startsOf(byte[] content) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public String mediaType() { return mediaType; }
}
