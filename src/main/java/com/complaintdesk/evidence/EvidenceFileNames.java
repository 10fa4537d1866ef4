package com.complaintdesk.evidence;

import com.complaintdesk.complaint.CardNumberMasker;
import java.text.Normalizer;

/**
 * Makes an uploaded file's name safe to store, show and offer for download: no folders, no control or format
 * characters, none of {@code <>:"/\|?*}, no leading dots, at most 120 characters, an extension that matches the
 * content, and card numbers masked.
 */
final class EvidenceFileNames {

    static final int MAX_LENGTH = 120;

    private EvidenceFileNames() {
    }

    /**
     * The stored name of a file whose content is of the given kind. A name whose extension claims another accepted
     * kind is refused ({@link EvidenceFileRejectedException}); any other extension gets the right one added.
     */
    static String sanitize(String original, EvidenceFileType type, String field) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int category = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || category == Character.FORMAT || category == Character.LINE_SEPARATOR
                    || category == Character.PARAGRAPH_SEPARATOR || "<>:\"/\\|?*".indexOf(cp) >= 0;
            clean.appendCodePoint(unsafe ? '_' : Character.isWhitespace(cp) ? ' ' : cp);
        });
        name = clean.toString().replaceAll(" {2,}", " ").strip().replaceAll("^[.\\s]+", "");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot).strip() : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (!extension.isEmpty() && !type.hasExtension(extension)) {
            EvidenceFileType claimed = EvidenceFileType.byExtension(extension).orElse(null);
            if (claimed != null) {
                throw new EvidenceFileRejectedException(EvidenceFileRejectedException.Reason.UNSUPPORTED_TYPE, field,
                        "refusal.fileNameContentMismatch", String.valueOf(claimed), String.valueOf(type));
            }
            base = name; // keep the foreign extension as part of the name and add the right one
            extension = "";
        }
        if (base.isBlank()) {
            base = "evidence";
        }
        if (extension.isEmpty()) {
            extension = type.extension();
        }
        int room = MAX_LENGTH - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return CardNumberMasker.mask(base + "." + extension);
    }
}
