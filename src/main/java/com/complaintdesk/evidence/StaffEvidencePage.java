package com.complaintdesk.evidence;

import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.config.StaffPages;
import com.complaintdesk.config.StaffRequests;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.ComplaintAccess;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page of a complaint's evidence, /staff/complaints/{number}/evidence: every item with its file, a form to
 * attach files that arrived by mail or chat, and downloads at /staff/evidence/{id}/download. HTTP Basic through
 * Camunda's filter (StaffAuthenticationConfiguration); only the complaint's department, customer service and complaint
 * managers (ComplaintAccess, the same rule as its tasks), 403 for everyone else. Server-rendered, every value HTML-escaped, no script. Files attached here are recorded as evidence;
 * whether they answer an evidence request is still decided in Tasklist (Task_AwaitEvidence).
 */
@Controller
class StaffEvidencePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);
    private static final Map<String, String> TYPE_NAMES = Map.of(
            "TRANSACTION_RECORD", "交易记录 Transaction record",
            "FAULT_PHOTO", "故障照片/视频 Fault photo or video",
            "CONTRACT", "合同/协议 Contract",
            "CORRESPONDENCE", "往来沟通记录 Correspondence",
            "OTHER", "其他 Other");

    private final ComplaintRecords records;
    private final EvidenceService evidenceService;
    private final EvidenceFiles files;
    private final EvidenceLimits limits;
    private final IdentityService identityService;
    private final ComplaintAccess access;
    private final ComplaintRepository complaints;

    StaffEvidencePage(ComplaintRecords records, EvidenceService evidenceService, EvidenceFiles files, EvidenceLimits limits,
                      IdentityService identityService, ComplaintAccess access, ComplaintRepository complaints) {
        this.records = records;
        this.evidenceService = evidenceService;
        this.files = files;
        this.limits = limits;
        this.identityService = identityService;
        this.access = access;
        this.complaints = complaints;
    }

    /** Refused: not a member of staff of a department (403), or a form posted from another site (403). */
    static class StaffOnlyException extends RuntimeException {
        StaffOnlyException(String message) {
            super(message);
        }
    }

    @GetMapping("/staff/complaints/{number}/evidence")
    ResponseEntity<String> page(@PathVariable String number, @RequestParam(name = "added", required = false) Integer added) {
        requireStaff();
        Complaint complaint = complaint(number);
        requireAccess(complaint);
        String notice = added == null ? null : "已添加 " + added + " 个文件 Added " + added + " file(s)";
        return StaffPages.html(HttpStatus.OK, render(complaint, notice, null));
    }

    @PostMapping("/staff/complaints/{number}/evidence")
    ResponseEntity<String> upload(@PathVariable String number, HttpServletRequest request,
                                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                                  @RequestParam(name = "evidenceType", required = false) String evidenceType,
                                  @RequestParam(name = "description", required = false) String description) {
        requireStaff();
        requireSameOrigin(request);
        Complaint complaint = complaint(number);
        requireAccess(complaint);
        List<EvidenceFiles.Upload> received = new ArrayList<>();
        for (MultipartFile file : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                continue; // the browser's empty part when no file was chosen
            }
            try {
                received.add(new EvidenceFiles.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String type = evidenceType == null || evidenceType.isBlank() ? null : evidenceType;
        String text = description == null || description.isBlank() ? null : description.strip();
        try {
            files.attach(complaint.getComplaintNumber(), received, type, text, EvidenceFiles.Delivery.RECORD_ONLY);
        } catch (EvidenceFileRejectedException e) {
            HttpStatus status = switch (e.getReason()) {
                case EMPTY -> HttpStatus.BAD_REQUEST;
                case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case TOO_MANY_FILES -> HttpStatus.CONFLICT;
            };
            return StaffPages.html(status, render(complaint, null, "未保存 Not saved: " + e.getField() + ": " + e.getMessage()));
        } catch (InvalidInputException e) {
            return StaffPages.html(HttpStatus.BAD_REQUEST, render(complaint, null, "未保存 Not saved: " + e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/staff/complaints/" + complaint.getComplaintNumber() + "/evidence?added=" + received.size()))
                .build();
    }

    @GetMapping("/staff/evidence/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        requireStaff();
        EvidenceFiles.StoredFile file = files.file(id).orElseThrow(() -> new ComplaintNotFoundException("evidence " + id));
        Evidence evidence = file.evidence();
        requireAccess(complaints.findById(evidence.getComplaintId()).orElseThrow(() -> new ComplaintNotFoundException("evidence " + id)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.getContentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(evidence.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    @ExceptionHandler(StaffOnlyException.class)
    ResponseEntity<String> forbidden(StaffOnlyException e) {
        return StaffPages.html(HttpStatus.FORBIDDEN, shell("无权访问 Forbidden", "<p role=\"alert\">" + htmlEscape(e.getMessage()) + "</p>"));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound(ComplaintNotFoundException e) {
        return StaffPages.html(HttpStatus.NOT_FOUND, shell("未找到 Not found", "<p role=\"alert\">未找到 Not found.</p>"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
        return StaffPages.html(HttpStatus.PAYLOAD_TOO_LARGE, shell("未保存 Not saved",
                "<p role=\"alert\">文件太大 A file may have at most " + limits.getMaxFileSize().toMegabytes() + " MB.</p>"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<String> notMultipart(MultipartException e) {
        return StaffPages.html(HttpStatus.BAD_REQUEST, shell("未保存 Not saved", "<p role=\"alert\">请使用上传表单 Use the upload form.</p>"));
    }

    private void requireStaff() {
        if (StaffRequests.staffUser(identityService, Departments.ALL::contains) == null) {
            throw new StaffOnlyException("仅限各部门员工 Only members of a department or complaint-managers may see evidence");
        }
    }

    /** The complaint's department, customer service and complaint managers only (ComplaintAccess: as its tasks). */
    private void requireAccess(Complaint complaint) {
        if (!access.currentUserMaySee(complaint)) {
            throw new StaffOnlyException("仅限承办部门、客户服务部和投诉主管 Only the complaint's department, customer service and "
                    + "complaint managers may see or add its evidence");
        }
    }

    /** A form posted from another site with the browser's cached Basic credentials is refused (CSRF). */
    private static void requireSameOrigin(HttpServletRequest request) {
        if (!StaffRequests.fromThisSite(request)) {
            throw new StaffOnlyException("表单须从本站提交 The form must be sent from this site");
        }
    }

    private Complaint complaint(String number) {
        if (!ComplaintNumber.isWellFormed(number)) {
            throw new ComplaintNotFoundException(number);
        }
        return records.get(number);
    }

    private String render(Complaint complaint, String notice, String error) {
        String number = htmlEscape(complaint.getComplaintNumber());
        StringBuilder body = new StringBuilder();
        body.append("<p>状态 Status: <strong>").append(htmlEscape(complaint.getStatus().name())).append("</strong>");
        if (complaint.getDepartment() != null) {
            body.append(" · 承办 Department: ").append(htmlEscape(complaint.getDepartment()));
        }
        body.append(" · 投诉人 Complainant: ").append(htmlEscape(complaint.getComplainant().name())).append("</p>\n");
        body.append("<div aria-live=\"polite\">");
        if (notice != null) {
            body.append("<p class=\"notice\" role=\"status\">").append(htmlEscape(notice)).append("</p>");
        }
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(htmlEscape(error)).append("</p>");
        }
        body.append("</div>\n");
        List<Evidence> items = evidenceService.evidenceOf(complaint);
        body.append("<h2>证据 Evidence (").append(items.size()).append(")</h2>\n");
        if (items.isEmpty()) {
            body.append("<p>暂无证据 No evidence yet.</p>\n");
        } else {
            body.append("<table><thead><tr><th scope=\"col\">类型 Type</th><th scope=\"col\">文件 File</th>"
                    + "<th scope=\"col\">大小 Size</th><th scope=\"col\">SHA-256</th><th scope=\"col\">说明 Description</th>"
                    + "<th scope=\"col\">添加 Added</th></tr></thead><tbody>\n");
            for (Evidence e : items) {
                body.append("<tr><td>").append(htmlEscape(TYPE_NAMES.getOrDefault(e.getEvidenceType(), e.getEvidenceType()))).append("</td><td>");
                if (e.getFileName() != null && files.hasFile(e.getId())) {
                    body.append("<a href=\"/staff/evidence/").append(e.getId()).append("/download\">")
                            .append(htmlEscape(e.getFileName())).append("</a> <small>")
                            .append(htmlEscape(String.valueOf(e.getContentType()))).append("</small>");
                } else if (e.getFileName() != null) {
                    body.append(htmlEscape(e.getFileName())).append(" <small>(无文件 no file stored)</small>");
                } else {
                    body.append("—");
                }
                body.append("</td><td>").append(e.getSizeBytes() == null ? "" : htmlEscape(size(e.getSizeBytes())))
                        .append("</td><td><code>").append(e.getSha256() == null ? "" : htmlEscape(e.getSha256()))
                        .append("</code></td><td>").append(e.getDescription() == null ? "" : htmlEscape(e.getDescription()))
                        .append("</td><td>").append(htmlEscape(e.getAddedBy())).append(", ").append(htmlEscape(TIME.format(e.getAddedAt())))
                        .append("</td></tr>\n");
            }
            body.append("</tbody></table>\n");
        }
        long left = Math.max(0, limits.getMaxFilesPerComplaint() - files.filesOf(complaint.getId()));
        body.append("<h2>添加证据文件 Attach evidence files</h2>\n")
                .append("<p>邮寄、邮件或聊天收到的文件。PDF、JPEG、PNG、CSV、XLSX，每个文件最大 ")
                .append(limits.getMaxFileSize().toMegabytes()).append(" MB，本投诉还可添加 ").append(left).append(" 个。")
                .append(" Files that came by mail or chat: PDF, JPEG, PNG, CSV or XLSX, at most ")
                .append(limits.getMaxFileSize().toMegabytes()).append(" MB each; ").append(left).append(" more allowed.")
                .append(" 如投诉正在等待证据，请在 Tasklist 中完成“等待并登记证据”任务。 If the complaint waits for evidence, "
                        + "complete the task “Await and record evidence” in Tasklist.</p>\n")
                .append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"/staff/complaints/").append(number).append("/evidence\">\n")
                .append("<p><label for=\"files\">文件 Files</label><br><input id=\"files\" name=\"files\" type=\"file\" multiple required "
                        + "accept=\".pdf,.jpg,.jpeg,.png,.csv,.xlsx,application/pdf,image/jpeg,image/png,text/csv\"></p>\n")
                .append("<p><label for=\"evidenceType\">证据类型 Evidence type</label><br><select id=\"evidenceType\" name=\"evidenceType\">")
                .append("<option value=\"\">按文件内容 By content</option>");
        for (String t : List.of("TRANSACTION_RECORD", "FAULT_PHOTO", "CONTRACT", "CORRESPONDENCE", "OTHER")) {
            body.append("<option value=\"").append(t).append("\">").append(htmlEscape(TYPE_NAMES.get(t))).append("</option>");
        }
        body.append("</select></p>\n")
                .append("<p><label for=\"description\">说明 Description (how and when it arrived)</label><br>"
                        + "<textarea id=\"description\" name=\"description\" rows=\"3\" maxlength=\"2000\"></textarea></p>\n")
                .append("<p><button type=\"submit\">上传 Upload</button></p>\n</form>\n");
        return shell("投诉 " + complaint.getComplaintNumber() + " 的证据 Evidence of " + complaint.getComplaintNumber(), body.toString());
    }

    private static String shell(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title) + "</title>"
                + "<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:1rem auto;max-width:70rem;padding:0 1rem;line-height:1.5}"
                + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
                + "code{font-size:.75rem;word-break:break-all}.error{color:#a40000;font-weight:bold}.notice{color:#05620b;font-weight:bold}"
                + "@media(max-width:40rem){td,th{display:block}thead{display:none}}</style></head>\n<body><main>\n<h1>"
                + htmlEscape(title) + "</h1>\n" + body + "</main></body></html>\n";
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }
}
