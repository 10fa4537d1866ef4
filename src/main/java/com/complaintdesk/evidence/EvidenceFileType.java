package com.complaintdesk.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence, recognised by their content, never by their name: PDF ({@code %PDF-}),
 * JPEG ({@code FF D8 FF}), PNG (its 8-byte signature), XLSX (a ZIP whose central directory lists
 * {@code [Content_Types].xml} and {@code xl/} entries; nothing is decompressed) and CSV (strict UTF-8 text without
 * NULs or other control characters whose records all have the same number of fields, at least two, split by comma,
 * semicolon or tab).
 */
public enum EvidenceFileType {

    PDF("application/pdf", "OTHER", "pdf"),
    JPEG("image/jpeg", "FAULT_PHOTO", "jpg", "jpeg"),
    PNG("image/png", "FAULT_PHOTO", "png"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "TRANSACTION_RECORD", "xlsx"),
    CSV("text/csv", "TRANSACTION_RECORD", "csv");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int CSV_MAX_RECORDS_CHECKED = 200;

    private final String contentType;
    private final String defaultEvidenceType;
    private final Set<String> extensions;

    EvidenceFileType(String contentType, String defaultEvidenceType, String... extensions) {
        this.contentType = contentType;
        this.defaultEvidenceType = defaultEvidenceType;
        this.extensions = Set.of(extensions);
    }

    public String contentType() { return contentType; }

    /** The evidence type a file of this kind gets when the uploader names none (photos, statements). */
    String defaultEvidenceType() {
        return defaultEvidenceType;
    }

    /** The usual file name extension, without the dot. */
    String extension() {
        return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
    }

    boolean hasExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** The accepted kind whose extension this is, if any (a name that claims a kind). */
    static Optional<EvidenceFileType> byExtension(String extension) {
        for (EvidenceFileType type : values()) {
            if (type.hasExtension(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The kind of the content, or empty when it is none of the accepted kinds. */
    public static Optional<EvidenceFileType> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return isXlsx(content) ? Optional.of(XLSX) : Optional.empty();
        }
        return isCsv(content) ? Optional.of(CSV) : Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the ZIP's central directory (found through its end record) for the entries every XLSX has. */
    static boolean isXlsx(byte[] zip) {
        List<String> names = zipEntryNames(zip);
        return names.contains("[Content_Types].xml") && names.stream().anyMatch(n -> n.startsWith("xl/"));
    }

    static List<String> zipEntryNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (int32(zip, i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int entries = int16(zip, end + 10);
        long offset = int32(zip, end + 16) & 0xFFFFFFFFL;
        int pos = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < entries; n++) {
            if (pos < 0 || pos + 46 > zip.length || int32(zip, pos) != 0x02014b50) {
                break;
            }
            int nameLength = int16(zip, pos + 28);
            int extraLength = int16(zip, pos + 30);
            int commentLength = int16(zip, pos + 32);
            if (pos + 46 + nameLength > zip.length) {
                break;
            }
            names.add(new String(zip, pos + 46, nameLength, StandardCharsets.UTF_8));
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /** Valid UTF-8, no control characters but tab and line breaks, and a consistent delimiter structure. */
    static boolean isCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte order mark spreadsheet programs write
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
        }
        if (text.isBlank()) {
            return false;
        }
        for (char delimiter : new char[] {',', ';', '\t'}) {
            if (consistentFields(text, delimiter)) {
                return true;
            }
        }
        return false;
    }

    /** Every record (quotes respected, up to the first 200) has the same number of fields, at least two. */
    private static boolean consistentFields(String text, char delimiter) {
        int expected = -1;
        int fields = 1;
        int records = 0;
        boolean quoted = false;
        boolean recordHasContent = false;
        for (int i = 0; i <= text.length() && records < CSV_MAX_RECORDS_CHECKED; i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                recordHasContent = true;
            } else if (c == delimiter) {
                fields++;
                recordHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (recordHasContent) {
                    if (expected < 0) {
                        expected = fields;
                    } else if (fields != expected) {
                        return false;
                    }
                    records++;
                }
                fields = 1;
                recordHasContent = false;
            } else {
                recordHasContent = true;
            }
        }
        return !quoted && expected >= 2;
    }
}
