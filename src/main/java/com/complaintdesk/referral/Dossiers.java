package com.complaintdesk.referral;

import static com.complaintdesk.referral.DossierJson.time;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.evidence.EvidenceFiles;
import com.complaintdesk.evidence.EvidenceService;
import com.complaintdesk.investigation.FeeAuditService;
import com.complaintdesk.investigation.InvestigationFinding;
import com.complaintdesk.investigation.InvestigationFindingRepository;
import com.complaintdesk.settlement.AgreementRepository;
import com.complaintdesk.settlement.ApprovalRepository;
import com.complaintdesk.settlement.ComplaintLetter;
import com.complaintdesk.settlement.DeviceOrderRepository;
import com.complaintdesk.settlement.LedgerRepository;
import com.complaintdesk.settlement.LetterRepository;
import com.complaintdesk.settlement.ProposalRepository;
import com.complaintdesk.settlement.SettlementAgreement;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.shared.BusinessTime;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier of a complaint that a regulator (PBoC 12363, SAMR 12315...) referred: one ZIP archive of everything the
 * application holds about it, from which compliance-legal prepares the response. README.txt says what is in it;
 * complaint.json, timeline.csv, evidence.csv with the evidence files under evidence/, findings.csv, fee-audit.json
 * (when there was a fee audit), settlement.json with the agreements' texts under agreements/ and the letters' under
 * letters/. Every evidence file and agreement text is checked against the SHA-256 stored with it: a mismatch makes no
 * dossier at all ({@link DossierIntegrityException}). Reads only; nothing is recorded.
 */
@Service
public class Dossiers {

    private static final DateTimeFormatter README_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessTime.ZONE);

    /** What {@link #write} wrote: the archive's SHA-256 (hex), its number of evidence files, when it was generated. */
    public record Written(String complaintNumber, String sha256, int evidenceFiles, Instant generatedAt) {
    }

    /** One file of the archive: its name, what README.txt says of it, its time, and its content when written. */
    private record Part(String name, String about, Instant time, Supplier<byte[]> content) {
    }

    private final ComplaintRecords records;
    private final EvidenceService evidenceService;
    private final EvidenceFiles evidenceFiles;
    private final InvestigationFindingRepository findings;
    private final FeeAuditService feeAudits;
    private final ProposalRepository proposals;
    private final ApprovalRepository approvals;
    private final AgreementRepository agreements;
    private final LedgerRepository ledger;
    private final DeviceOrderRepository deviceOrders;
    private final LetterRepository letters;
    private final ObjectMapper json;

    Dossiers(ComplaintRecords records, EvidenceService evidenceService, EvidenceFiles evidenceFiles,
             InvestigationFindingRepository findings, FeeAuditService feeAudits, ProposalRepository proposals,
             ApprovalRepository approvals, AgreementRepository agreements, LedgerRepository ledger,
             DeviceOrderRepository deviceOrders, LetterRepository letters, ObjectMapper objectMapper) {
        this.records = records;
        this.evidenceService = evidenceService;
        this.evidenceFiles = evidenceFiles;
        this.findings = findings;
        this.feeAudits = feeAudits;
        this.proposals = proposals;
        this.approvals = approvals;
        this.agreements = agreements;
        this.ledger = ledger;
        this.deviceOrders = deviceOrders;
        this.letters = letters;
        this.json = objectMapper.copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    }

    /** The complaint's dossier in memory. Throws ComplaintNotFoundException for an unknown number. */
    @Transactional(readOnly = true)
    public DossierArchive build(String complaintNumber) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        Written written = write(complaintNumber, zip);
        return new DossierArchive(written.complaintNumber(), zip.toByteArray(), written.sha256(), written.evidenceFiles(),
                written.generatedAt());
    }

    /**
     * Writes the complaint's dossier to {@code out} (left open), one evidence file in memory at a time. Throws
     * ComplaintNotFoundException for an unknown number, and DossierIntegrityException (an IllegalStateException naming
     * the file) when a file does not match its stored SHA-256; what was written by then is no dossier.
     */
    @Transactional(readOnly = true)
    public Written write(String complaintNumber, OutputStream out) {
        Complaint complaint = records.get(complaintNumber);
        Instant generatedAt = records.now();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("complaint.json", "投诉记录 The complaint record: complainant, merchant, terminal, classification, "
                + "status, outcome, dates, transactions", generatedAt, () -> toJson(DossierJson.ComplaintFile.of(complaint))));
        parts.add(timeline(complaint, generatedAt));
        int evidenceFileCount = evidence(complaint, generatedAt, parts);
        parts.add(findings(complaint, generatedAt));
        feeAudits.auditOf(complaint).ifPresent(audit -> parts.add(new Part("fee-audit.json",
                "手续费审计 Fee audit: contracted rate, fees charged and expected, refund computed and confirmed", generatedAt,
                () -> toJson(DossierJson.FeeAudit.of(audit)))));
        settlement(complaint, generatedAt, parts);
        parts.add(0, new Part("README.txt", "本说明 This note", generatedAt, () -> readme(complaint, generatedAt, parts)));

        MessageDigest digest = sha256();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(leftOpen(out), digest)),
                StandardCharsets.UTF_8)) {
            for (Part part : parts) {
                ZipEntry entry = new ZipEntry(part.name());
                entry.setLastModifiedTime(FileTime.from(part.time() != null ? part.time() : generatedAt));
                zip.putNextEntry(entry);
                zip.write(part.content().get());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the dossier of " + complaintNumber, e);
        }
        return new Written(complaint.getComplaintNumber(), HexFormat.of().formatHex(digest.digest()), evidenceFileCount, generatedAt);
    }

    private Part timeline(Complaint complaint, Instant generatedAt) {
        List<TimelineEntry> entries = records.timelineOf(complaint);
        return new Part("timeline.csv", "处理时间线 Timeline: " + entries.size() + " entries, in order", generatedAt, () -> {
            Csv csv = new Csv("时间 Time", "节点 Milestone", "操作人 Actor", "可见性 Visibility", "内容 Text");
            entries.forEach(e -> csv.row(time(e.getOccurredAt()), e.getMilestone().name(), e.getActor(),
                    e.isPublicEntry() ? "公开 Public" : "内部 Internal", e.getDetail()));
            return csv.bytes();
        });
    }

    /** evidence.csv and a part per stored file; answers the number of files. */
    private int evidence(Complaint complaint, Instant generatedAt, List<Part> parts) {
        List<Evidence> items = evidenceService.evidenceOf(complaint);
        List<Part> files = new ArrayList<>();
        List<String> archived = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Evidence item = items.get(i);
            boolean stored = item.getFileName() != null && evidenceFiles.hasFile(item.getId());
            String name = stored ? "evidence/" + String.format("%02d", i + 1) + "-" + safeName(item.getFileName()) : null;
            archived.add(name);
            if (stored) {
                files.add(new Part(name, "证据 Evidence " + (i + 1) + ": " + item.getEvidenceType() + ", " + item.getContentType()
                        + ", " + item.getSizeBytes() + " bytes", item.getAddedAt(), () -> checkedContent(complaint, item)));
            }
        }
        parts.add(new Part("evidence.csv", "证据清单 Evidence list: " + items.size() + " items, " + files.size()
                + " files with their SHA-256", generatedAt, () -> {
            Csv csv = new Csv("序号 No.", "卷宗内文件 File in dossier", "原文件名 Original name", "证据类型 Evidence type",
                    "文件类型 Content type", "大小（字节） Size (bytes)", "SHA-256", "收到时间 Received at", "登记人 Recorded by",
                    "说明 Description");
            for (int i = 0; i < items.size(); i++) {
                Evidence item = items.get(i);
                String name = archived.get(i);
                String sha = name == null || item.getSha256() != null ? item.getSha256() : hex(checkedContent(complaint, item));
                csv.row(i + 1, name == null ? "无文件 No file stored" : name, item.getFileName(), item.getEvidenceType(),
                        item.getContentType(), item.getSizeBytes(), sha, time(item.getAddedAt()), item.getAddedBy(),
                        item.getDescription());
            }
            return csv.bytes();
        }));
        parts.addAll(files);
        return files.size();
    }

    /** The stored file's bytes, once they are shown to match the SHA-256 stored with them. */
    private byte[] checkedContent(Complaint complaint, Evidence item) {
        byte[] content = evidenceFiles.file(item.getId()).map(EvidenceFiles.StoredFile::content)
                .orElseThrow(() -> new DossierIntegrityException("Evidence file '" + item.getFileName() + "' (evidence "
                        + item.getId() + ") of complaint " + complaint.getComplaintNumber() + " is no longer stored"));
        String actual = hex(content);
        if (item.getSha256() != null && !item.getSha256().equalsIgnoreCase(actual)) {
            throw new DossierIntegrityException("Evidence file '" + item.getFileName() + "' (evidence " + item.getId()
                    + ") of complaint " + complaint.getComplaintNumber() + " does not match its stored SHA-256 "
                    + item.getSha256() + " (its content now has " + actual + "): no dossier is made with a corrupt file");
        }
        return content;
    }

    private Part findings(Complaint complaint, Instant generatedAt) {
        List<InvestigationFinding> found = findings.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId());
        return new Part("findings.csv", "调查结论 Investigation findings: " + found.size(), generatedAt, () -> {
            Csv csv = new Csv("记录时间 Recorded at", "部门 Department", "步骤 Step", "结论 Summary", "详情 Details", "记录人 Recorded by");
            found.forEach(f -> csv.row(time(f.getRecordedAt()), f.getDepartment(), f.getStep(), f.getSummary(), f.getDetails(),
                    f.getRecordedBy()));
            return csv.bytes();
        });
    }

    /** settlement.json, each agreement's text under agreements/ and each letter's under letters/. */
    private void settlement(Complaint complaint, Instant generatedAt, List<Part> parts) {
        Long id = complaint.getId();
        List<SettlementProposal> offered = proposals.findByComplaintIdOrderByRoundAsc(id);
        Map<Long, Integer> rounds = offered.stream().collect(Collectors.toMap(SettlementProposal::getId, SettlementProposal::getRound));
        List<DossierJson.Proposal> proposalRecords = offered.stream()
                .map(p -> DossierJson.Proposal.of(p, approvals.findByProposalIdOrderByDecidedAtAsc(p.getId()))).toList();

        List<DossierJson.Agreement> agreementRecords = new ArrayList<>();
        List<Part> texts = new ArrayList<>();
        for (SettlementAgreement agreement : agreements.findByComplaintIdOrderByIdAsc(id)) {
            String file = "agreements/" + safeName(agreement.getAgreementNumber()) + ".txt";
            agreementRecords.add(DossierJson.Agreement.of(agreement, rounds.get(agreement.getProposalId()), file));
            texts.add(new Part(file, "和解协议文本 Text of agreement " + agreement.getAgreementNumber() + ", SHA-256 "
                    + agreement.getSha256(), agreement.getCreatedAt(), () -> checkedText(complaint, agreement)));
        }
        List<DossierJson.Letter> letterRecords = new ArrayList<>();
        List<ComplaintLetter> sent = letters.findByComplaintIdOrderByIdAsc(id);
        for (int i = 0; i < sent.size(); i++) {
            ComplaintLetter letter = sent.get(i);
            String file = "letters/" + String.format("%02d", i + 1) + "-" + letter.getKind().name() + ".txt";
            byte[] body = utf8(letter.getBody());
            letterRecords.add(DossierJson.Letter.of(letter, file, hex(body)));
            texts.add(new Part(file, "函件 Letter " + letter.getKind().name() + ", " + time(letter.getCreatedAt()),
                    letter.getCreatedAt(), () -> body));
        }
        var payments = ledger.findByComplaintIdOrderByCreatedAtAscIdAsc(id).stream().map(DossierJson.Payment::of).toList();
        var orders = deviceOrders.findByComplaintIdOrderByCreatedAtAscIdAsc(id).stream().map(DossierJson.DeviceOrder::of).toList();
        parts.add(new Part("settlement.json", "和解记录 Settlement history: " + proposalRecords.size() + " proposals with their "
                + "approvals, " + agreementRecords.size() + " agreements, " + payments.size() + " payments, " + orders.size()
                + " device service orders, " + letterRecords.size() + " letters", generatedAt,
                () -> toJson(new DossierJson.SettlementFile(proposalRecords, agreementRecords, payments, orders, letterRecords))));
        parts.addAll(texts);
    }

    private static byte[] checkedText(Complaint complaint, SettlementAgreement agreement) {
        byte[] text = utf8(agreement.getBody());
        String actual = hex(text);
        if (agreement.getSha256() != null && !agreement.getSha256().equalsIgnoreCase(actual)) {
            throw new DossierIntegrityException("Agreement " + agreement.getAgreementNumber() + " of complaint "
                    + complaint.getComplaintNumber() + " does not match its stored SHA-256 " + agreement.getSha256()
                    + " (its text now has " + actual + "): no dossier is made with a corrupt file");
        }
        return text;
    }

    private static byte[] readme(Complaint complaint, Instant generatedAt, List<Part> parts) {
        StringBuilder text = new StringBuilder()
                .append("监管转办投诉卷宗 Complaint dossier for a regulator referral\r\n")
                .append("==========================================================\r\n\r\n")
                .append("投诉编号 Complaint number: ").append(complaint.getComplaintNumber()).append("\r\n")
                .append("生成时间 Generated at:     ").append(README_TIME.format(generatedAt)).append(" (Asia/Shanghai)\r\n\r\n")
                .append("本卷宗由 Complaint Desk 根据投诉的全部记录生成，供合规与法务部准备对监管机构转办投诉\r\n")
                .append("（如中国人民银行 12363、市场监督管理总局 12315）的答复。内容为生成时记录的原样副本。\r\n")
                .append("Complaint Desk generated this dossier from everything it holds about the complaint, for\r\n")
                .append("compliance & legal staff preparing the response to a regulator's referral (PBoC 12363,\r\n")
                .append("SAMR 12315...). It is a copy of the records as they stood when it was generated.\r\n\r\n")
                .append("文件 Files\r\n----------\r\n");
        for (Part part : parts) {
            text.append(part.name()).append("\r\n    ").append(part.about()).append("\r\n");
        }
        text.append("\r\n说明 Notes\r\n----------\r\n")
                .append("- 时间均为北京时间（UTC+08:00）。 Times are China Standard Time (UTC+08:00).\r\n")
                .append("- 每个证据文件和协议文本在生成时已与其存储的 SHA-256 核对一致。\r\n")
                .append("  Every evidence file and agreement text was checked against the SHA-256 stored with it.\r\n")
                .append("- CSV 文件为带 BOM 的 UTF-8、逗号分隔（RFC 4180）；以 = + - @ 开头的文字前加了 '，以免表格软件将其当作公式。\r\n")
                .append("  CSV files are UTF-8 with a byte order mark, comma-separated (RFC 4180); text beginning with\r\n")
                .append("  = + - @ has a ' in front, so a spreadsheet does not run it as a formula.\r\n")
                .append("- 本压缩包自身的 SHA-256 随下载提供（X-Dossier-SHA256）。\r\n")
                .append("  The SHA-256 of this archive comes with the download (header X-Dossier-SHA256).\r\n");
        return utf8(text.toString());
    }

    /** An entry name from a stored name: no folders, control or format characters, or characters Windows refuses. */
    static String safeName(String name) {
        String safe = name.replaceAll("[\\p{Cntrl}\\p{Cf}<>:\"/\\\\|?*]", "_").strip().replaceAll("^\\.+", "");
        return safe.isEmpty() ? "file" : safe;
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The caller's stream, which closing the archive flushes but leaves open. */
    private static OutputStream leftOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
