package com.complaintdesk.evidence;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.EvidenceRepository;
import com.complaintdesk.complaint.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files in our own database: each file's content in evidence_file beside its evidence row (masked and
 * sanitized name, content type detected from the content, size, SHA-256). A file is checked before anything is
 * written; one bad file refuses the whole upload.
 */
@Service
public class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);
    static final int MAX_DESCRIPTION = 2000;

    /** An uploaded file as received: the name the uploader's computer gave it, and its bytes. */
    public record Upload(String originalName, byte[] content) {
    }

    /** A stored file with its evidence record. */
    public record StoredFile(Evidence evidence, byte[] content) {
    }

    /** Whether the upload also answers a waiting evidence request (online) or is only recorded (staff). */
    public enum Delivery { SUBMIT, RECORD_ONLY }

    private final ComplaintRecords records;
    private final EvidenceService evidenceService;
    private final EvidenceRepository evidence;
    private final EvidenceLimits limits;
    private final JdbcClient jdbc;

    EvidenceFiles(ComplaintRecords records, EvidenceService evidenceService, EvidenceRepository evidence, EvidenceLimits limits,
                  JdbcClient jdbc) {
        this.records = records;
        this.evidenceService = evidenceService;
        this.evidence = evidence;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    /**
     * Checks and stores the files as evidence of the complaint. evidenceType may be null (then it follows from the
     * content: photos are fault photos, spreadsheets transaction records). With {@link Delivery#SUBMIT} a complaint
     * waiting for evidence is told (message EvidenceSubmitted).
     */
    @Transactional
    public List<Evidence> attach(String complaintNumber, List<Upload> uploads, String evidenceType, String description,
                                 Delivery delivery) {
        Complaint complaint = records.get(complaintNumber);
        if (uploads == null || uploads.isEmpty()) {
            throw InvalidInputException.keyed("files", "refusal.atLeastOneFile");
        }
        if (evidenceType != null && !EvidenceService.TYPES.contains(evidenceType)) {
            throw InvalidInputException.keyed("evidenceType", "refusal.mustBeOneOf", EvidenceService.TYPES.stream().sorted().toList().toString());
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw InvalidInputException.keyed("description", "refusal.atMostCharacters", String.valueOf(MAX_DESCRIPTION));
        }
        List<EvidenceService.Item> items = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            items.add(check("files[" + i + "]", uploads.get(i), evidenceType, description));
        }
        // one upload at a time per complaint, so two at once cannot pass the file limit together
        jdbc.sql("select id from complaint where id = :id for update").param("id", complaint.getId()).query(Long.class).single();
        long stored = filesOf(complaint.getId());
        int max = limits.getMaxFilesPerComplaint();
        if (stored + uploads.size() > max) {
            throw new EvidenceFileRejectedException(EvidenceFileRejectedException.Reason.TOO_MANY_FILES, "files",
                    "refusal.tooManyFiles", String.valueOf(max), String.valueOf(stored), String.valueOf(Math.max(0, max - stored)));
        }
        List<Evidence> saved = delivery == Delivery.SUBMIT
                ? evidenceService.submit(complaintNumber, items)
                : items.stream().map(item -> evidenceService.record(complaint, item)).toList();
        for (int i = 0; i < saved.size(); i++) {
            jdbc.sql("insert into evidence_file (evidence_id, content) values (:id, :content)")
                    .param("id", saved.get(i).getId())
                    .param("content", uploads.get(i).content())
                    .update();
            log.info("Stored evidence file {} ({} bytes, {}) for complaint {}", saved.get(i).getFileName(),
                    saved.get(i).getSizeBytes(), saved.get(i).getContentType(), complaintNumber);
        }
        return saved;
    }

    private EvidenceService.Item check(String field, Upload upload, String evidenceType, String description) {
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new EvidenceFileRejectedException(EvidenceFileRejectedException.Reason.EMPTY, field, "refusal.fileEmpty");
        }
        if (content.length > limits.getMaxFileSize().toBytes()) {
            throw new EvidenceFileRejectedException(EvidenceFileRejectedException.Reason.TOO_LARGE, field,
                    "refusal.fileTooLarge", String.valueOf(limits.getMaxFileSize().toMegabytes()));
        }
        EvidenceFileType type = EvidenceFileType.detect(content).orElseThrow(() -> new EvidenceFileRejectedException(
                EvidenceFileRejectedException.Reason.UNSUPPORTED_TYPE, field, "refusal.fileTypeUnsupported"));
        String name = EvidenceFileNames.sanitize(upload.originalName(), type, field);
        return new EvidenceService.Item(evidenceType == null ? type.defaultEvidenceType() : evidenceType, name, type.contentType(),
                (long) content.length, sha256(content), description);
    }

    /** The number of files stored for the complaint (evidence described without a file does not count). */
    public long filesOf(Long complaintId) {
        return jdbc.sql("select count(*) from evidence_file f join evidence e on e.id = f.evidence_id where e.complaint_id = :id")
                .param("id", complaintId).query(Long.class).single();
    }

    /** Whether the evidence row has a stored file. */
    @Transactional(readOnly = true)
    public boolean hasFile(Long evidenceId) {
        return jdbc.sql("select count(*) from evidence_file where evidence_id = :id").param("id", evidenceId)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<StoredFile> file(Long evidenceId) {
        return evidence.findById(evidenceId).flatMap(e -> jdbc.sql("select content from evidence_file where evidence_id = :id")
                .param("id", evidenceId)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .map(bytes -> new StoredFile(e, bytes)));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
