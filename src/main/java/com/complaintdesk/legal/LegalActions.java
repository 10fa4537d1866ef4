package com.complaintdesk.legal;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.AsApplication;
import com.complaintdesk.complaint.CardNumberMasker;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal action on a complaint, from the staff page (a court summons or an arbitration notice received on paper, or
 * compliance-legal's decision to go to law): sends LegalActionFiled to the complaint's process, whose legal path
 * interrupts the handling. Integrators send the same message through the engine REST API (POST /engine-rest/message,
 * businessKey = complaint number).
 */
@Service
public class LegalActions {

    /** What staff enter: who went to law, where, and what the notice says. */
    public record LegalNotice(LegalCase.Initiator initiatedBy, LegalCase.Forum forum, String notice) {
    }

    private final ComplaintRecords records;
    private final LegalCaseRepository cases;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    LegalActions(ComplaintRecords records, LegalCaseRepository cases, RuntimeService runtimeService, IdentityService identityService) {
        this.records = records;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @Transactional
    public void file(String complaintNumber, LegalNotice notice) {
        Complaint complaint = records.get(complaintNumber);
        if (notice.initiatedBy() == null) {
            throw InvalidInputException.of(LegalVariables.LEGAL_INITIATED_BY.name(), "is required");
        }
        if (notice.forum() == null) {
            throw InvalidInputException.of(LegalVariables.LEGAL_FORUM.name(), "is required");
        }
        String text = notice.notice() == null ? null : notice.notice().strip();
        if (text == null || text.isEmpty()) {
            throw InvalidInputException.of(LegalVariables.LEGAL_NOTICE.name(), "is required: say what was received or decided");
        }
        if (text.length() > 4000) {
            throw InvalidInputException.of(LegalVariables.LEGAL_NOTICE.name(), "must be at most 4000 characters");
        }
        if (complaint.isClosed() || complaint.getProcessInstanceId() == null) {
            throw InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(), "is closed: legal action on a closed complaint is handled outside this desk");
        }
        if (cases.findByComplaintIdOrderByOpenedAtAsc(complaint.getId()).stream().anyMatch(c -> c.getConcludedAt() == null)) {
            throw InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(), "is already in legal proceedings");
        }
        // who may register legal action is the application's rule (the page checked it); the engine step runs as the application
        AsApplication.run(identityService, () -> runtimeService.createMessageCorrelation(Processes.MESSAGE_LEGAL_ACTION_FILED)
                .processInstanceBusinessKey(complaintNumber)
                .setVariable(LegalVariables.LEGAL_INITIATED_BY.name(), LegalVariables.LEGAL_INITIATED_BY.typed(notice.initiatedBy()))
                .setVariable(LegalVariables.LEGAL_FORUM.name(), LegalVariables.LEGAL_FORUM.typed(notice.forum()))
                .setVariable(LegalVariables.LEGAL_NOTICE.name(), LegalVariables.LEGAL_NOTICE.typed(CardNumberMasker.mask(text)))
                .correlate());
    }
}
