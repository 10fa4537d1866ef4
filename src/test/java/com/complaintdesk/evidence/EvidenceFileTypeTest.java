package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** File kinds by content (magic bytes, ZIP directory, CSV structure) and the names files are stored under. */
class EvidenceFileTypeTest {

    @Test
    void recognisesEachAcceptedKindByItsContent() throws Exception {
        assertThat(EvidenceFileType.detect("%PDF-1.4\n...".getBytes(StandardCharsets.US_ASCII))).contains(EvidenceFileType.PDF);
        assertThat(EvidenceFileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16})).contains(EvidenceFileType.JPEG);
        assertThat(EvidenceFileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(EvidenceFileType.PNG);
        assertThat(EvidenceFileType.detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
                .contains(EvidenceFileType.XLSX);
        assertThat(EvidenceFileType.detect(utf8("\uFEFF日期,金额\r\n2026-01-05,\"1,000.00\"\r\n2026-01-06,500\r\n"))).contains(EvidenceFileType.CSV);
        assertThat(EvidenceFileType.detect(utf8("a;b;c\n1;2;3\n"))).contains(EvidenceFileType.CSV);
        assertThat(EvidenceFileType.detect(utf8("a\tb\n1\t2\n"))).contains(EvidenceFileType.CSV);
        assertThat(EvidenceFileType.detect(utf8("note,\"line one\nline two\"\nx,y\n"))).as("quoted line break").contains(EvidenceFileType.CSV);
    }

    @Test
    void refusesWhatOnlyLooksLikeAnAcceptedKind() throws Exception {
        assertThat(EvidenceFileType.detect(new byte[0])).isEmpty();
        assertThat(EvidenceFileType.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).as("a Windows program").isEmpty();
        assertThat(EvidenceFileType.detect(zip("word/document.xml", "[Content_Types].xml"))).as("a DOCX").isEmpty();
        assertThat(EvidenceFileType.detect(zip("xl/workbook.xml"))).as("no content types").isEmpty();
        assertThat(EvidenceFileType.detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).as("a broken ZIP").isEmpty();
        assertThat(EvidenceFileType.detect(utf8("just a sentence without any delimiter\n"))).isEmpty();
        assertThat(EvidenceFileType.detect(utf8("a,b\n1,2,3\n"))).as("ragged rows").isEmpty();
        assertThat(EvidenceFileType.detect(utf8("a,b\n1,\0\n"))).as("a NUL").isEmpty();
        assertThat(EvidenceFileType.detect(new byte[] {'a', ',', (byte) 0xC3, 0x28, '\n'})).as("invalid UTF-8").isEmpty();
        assertThat(EvidenceFileType.detect(utf8("a,\"open quote\n1,2\n"))).as("unterminated quote").isEmpty();
    }

    @Test
    void namesLoseFoldersAndUnsafeCharactersGetTheRightExtensionAndMaskedCardNumbers() {
        assertThat(EvidenceFileNames.sanitize("C:\\Users\\me\\故障 照片.png", EvidenceFileType.PNG, "f")).isEqualTo("故障 照片.png");
        assertThat(EvidenceFileNames.sanitize("../../etc/passwd", EvidenceFileType.CSV, "f")).isEqualTo("passwd.csv");
        assertThat(EvidenceFileNames.sanitize("a<b>:\"|?*\u0007\u202Ec.JPG", EvidenceFileType.JPEG, "f")).isEqualTo("a_b________c.JPG");
        assertThat(EvidenceFileNames.sanitize("...hidden.pdf", EvidenceFileType.PDF, "f")).isEqualTo("hidden.pdf");
        assertThat(EvidenceFileNames.sanitize("", EvidenceFileType.PNG, "f")).isEqualTo("evidence.png");
        assertThat(EvidenceFileNames.sanitize(null, EvidenceFileType.XLSX, "f")).isEqualTo("evidence.xlsx");
        assertThat(EvidenceFileNames.sanitize("setup.exe", EvidenceFileType.PNG, "f")).isEqualTo("setup.exe.png");
        assertThat(EvidenceFileNames.sanitize("卡 4111-1111-1111-1111 小票.jpeg", EvidenceFileType.JPEG, "f"))
                .isEqualTo("卡 411111******1111 小票.jpeg");
        assertThat(EvidenceFileNames.sanitize("x".repeat(300) + ".pdf", EvidenceFileType.PDF, "f")).hasSize(EvidenceFileNames.MAX_LENGTH).endsWith(".pdf");
        assertThatThrownBy(() -> EvidenceFileNames.sanitize("photo.png", EvidenceFileType.PDF, "files[3]"))
                .isInstanceOfSatisfying(EvidenceFileRejectedException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(EvidenceFileRejectedException.Reason.UNSUPPORTED_TYPE);
                    assertThat(e.getField()).isEqualTo("files[3]");
                    assertThat(e.getMessage()).contains("PNG", "PDF");
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
