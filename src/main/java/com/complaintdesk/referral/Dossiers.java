package com.complaintdesk.referral;

import static com.complaintdesk.referral.DossierJson.time;

import com.complaintdesk.complaint.BundleWords;
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
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private static final String README = readmeTemplate();

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
        parts.add(new Part("complaint.json", words("complaintRecord"), generatedAt, () -> toJson(DossierJson.ComplaintFile.of(complaint))));
        parts.add(timeline(complaint, generatedAt));
        int evidenceFileCount = evidence(complaint, generatedAt, parts);
        parts.add(findings(complaint, generatedAt));
        feeAudits.auditOf(complaint).ifPresent(audit -> parts.add(new Part("fee-audit.json",
                words("feeAudit"), generatedAt,
                () -> toJson(DossierJson.FeeAudit.of(audit)))));
        settlement(complaint, generatedAt, parts);
        parts.add(0, new Part("README.txt", words("thisNote"), generatedAt, () -> readme(complaint, generatedAt, parts)));

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
        return new Part("timeline.csv", words("timeline", entries.size()), generatedAt, () -> {
            Csv csv = new Csv(words("time"), words("milestone"), words("actor"), words("visibility"), words("text"));
            entries.forEach(e -> csv.row(time(e.getOccurredAt()), e.getMilestone().name(), e.getActor(),
                    e.isPublicEntry() ? words("public") : words("internal"), e.getDetail()));
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
                files.add(new Part(name, words("evidenceFile", i + 1, item.getEvidenceType(), item.getContentType(),
                        item.getSizeBytes()), item.getAddedAt(), () -> checkedContent(complaint, item)));
            }
        }
        parts.add(new Part("evidence.csv", words("evidenceList", items.size(), files.size()), generatedAt, () -> {
            Csv csv = new Csv(words("number"), words("fileInDossier"), words("originalName"), words("evidenceType"),
                    words("contentType"), words("size"), "SHA-256", words("receivedAt"), words("recordedBy"), words("description"));
            for (int i = 0; i < items.size(); i++) {
                Evidence item = items.get(i);
                String name = archived.get(i);
                String sha = name == null || item.getSha256() != null ? item.getSha256() : hex(checkedContent(complaint, item));
                csv.row(i + 1, name == null ? words("noFile") : name, item.getFileName(), item.getEvidenceType(),
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
        return new Part("findings.csv", words("findings", found.size()), generatedAt, () -> {
            Csv csv = new Csv(words("recordedAt"), words("department"), words("step"), words("summary"), words("details"), words("findingBy"));
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
            texts.add(new Part(file, words("agreementText", agreement.getAgreementNumber(), agreement.getSha256()), agreement.getCreatedAt(), () -> checkedText(complaint, agreement)));
        }
        List<DossierJson.Letter> letterRecords = new ArrayList<>();
        List<ComplaintLetter> sent = letters.findByComplaintIdOrderByIdAsc(id);
        for (int i = 0; i < sent.size(); i++) {
            ComplaintLetter letter = sent.get(i);
            String file = "letters/" + String.format("%02d", i + 1) + "-" + letter.getKind().name() + ".txt";
            byte[] body = utf8(letter.getBody());
            letterRecords.add(DossierJson.Letter.of(letter, file, hex(body)));
            texts.add(new Part(file, words("letter", letter.getKind().name(), time(letter.getCreatedAt())),
                    letter.getCreatedAt(), () -> body));
        }
        var payments = ledger.findByComplaintIdOrderByCreatedAtAscIdAsc(id).stream().map(DossierJson.Payment::of).toList();
        var orders = deviceOrders.findByComplaintIdOrderByCreatedAtAscIdAsc(id).stream().map(DossierJson.DeviceOrder::of).toList();
        parts.add(new Part("settlement.json", words("settlement", proposalRecords.size(), agreementRecords.size(), payments.size(),
                orders.size(), letterRecords.size()), generatedAt,
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

    /**
     * README.txt from templates/referral/dossier-readme.txt (Chinese first with English beside), the parts listed in
     * it; lines end in CRLF, for the regulators' Windows desktops.
     */
    private static byte[] readme(Complaint complaint, Instant generatedAt, List<Part> parts) {
        StringBuilder files = new StringBuilder();
        for (Part part : parts) {
            files.append(part.name()).append("\n    ").append(part.about()).append("\n");
        }
        String text = README.replace("{number}", complaint.getComplaintNumber())
                .replace("{generatedAt}", README_TIME.format(generatedAt))
                .replace("{files}", files);
        return utf8(text.replace("\n", "\r\n"));
    }

    /** "处理时间线 Timeline: 5 entries, in order": the words of dossier.{@code key}, Chinese first with English beside. */
    private static String words(String key, Object... args) {
        return BundleWords.both("dossier." + key, Arrays.stream(args).map(String::valueOf).toArray());
    }

    private static String readmeTemplate() {
        try (InputStream in = Dossiers.class.getClassLoader().getResourceAsStream("templates/referral/dossier-readme.txt")) {
            return new String(Objects.requireNonNull(in, "templates/referral/dossier-readme.txt").readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
