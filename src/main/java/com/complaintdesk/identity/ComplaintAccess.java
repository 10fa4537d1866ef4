package com.complaintdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.legal.LegalCaseRepository;
import com.complaintdesk.referral.RegulatorReferralRepository;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Gives the department a complaint is routed to READ on that complaint's process instance, so its staff see the
 * complaint's values (number, category, priority) in Tasklist's lists and forms, and no other department's complaints.
 * The grant is the application's decision, made inside the routing step, whoever completed the step before it.
 *
 * <p>The staff pages of a complaint (evidence, dossier, legal action, extension, notifications) follow the same rule
 * as its tasks ({@link #groupsFor}): customer service (the front desk triages every complaint), complaint managers,
 * the department it is routed to, and compliance-legal once the complaint is in legal proceedings or referred by a
 * regulator (those tasks are compliance-legal's).
 */
@Component
public class ComplaintAccess {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;
    private final LegalCaseRepository legalCases;
    private final RegulatorReferralRepository referrals;

    ComplaintAccess(AuthorizationService authorizationService, IdentityService identityService, LegalCaseRepository legalCases,
                    RegulatorReferralRepository referrals) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
        this.legalCases = legalCases;
        this.referrals = referrals;
    }

    /** The groups whose members may see this complaint and its staff pages: the same rule as its tasks. */
    public Set<String> groupsFor(Complaint complaint) {
        Set<String> groups = new LinkedHashSet<>(List.of(Departments.CUSTOMER_SERVICE, Departments.COMPLAINT_MANAGERS));
        if (complaint.getDepartment() != null) {
            groups.add(complaint.getDepartment());
        }
        if (complaint.getStatus() == ComplaintStatus.IN_LEGAL_PROCEEDINGS
                || !legalCases.findByComplaintIdOrderByOpenedAtAsc(complaint.getId()).isEmpty()
                || !referrals.findByComplaintIdOrderByReceivedAtAsc(complaint.getId()).isEmpty()) {
            groups.add(Departments.COMPLIANCE_LEGAL);
        }
        return groups;
    }

    /** Whether the signed-in user (the staff pages' HTTP Basic login) is in one of {@link #groupsFor} the complaint. */
    public boolean currentUserMaySee(Complaint complaint) {
        return StaffRequests.staffUser(identityService, groupsFor(complaint)::contains) != null;
    }

    public void grantDepartment(String groupId, String processInstanceId) {
        AsApplication.run(identityService, () -> {
            boolean granted = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
            if (!granted) {
                Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setGroupId(groupId);
                authorization.setResource(Resources.PROCESS_INSTANCE);
                authorization.setResourceId(processInstanceId);
                authorization.addPermission(ProcessInstancePermissions.READ);
                authorizationService.saveAuthorization(authorization);
            }
        });
    }
}
