package com.complaintdesk.settlement;

import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.complaint.Variable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The variables of a settlement: the proposal and its approval and negotiation in the complaint lifecycle, and the
 * inputs of the settlement-execution process, which the lifecycle, legal proceedings and referrals pass to it. One
 * typed descriptor each (see {@link Variable}).
 */
public final class SettlementVariables {

    public static final Variable<Remedy> REMEDY = Variable.of("remedy", Remedy.class);
    public static final Variable<BigDecimal> PROPOSED_AMOUNT = Variable.money("proposedAmount");
    public static final Variable<String> PROPOSAL_RATIONALE = Variable.text("proposalRationale");
    public static final Variable<RootCause> ROOT_CAUSE = Variable.of("rootCause", RootCause.class);
    public static final Variable<Long> PROPOSAL_ID = Variable.id("proposalId");
    public static final Variable<String> APPROVER_GROUPS = Variable.text("approverGroups");
    public static final Variable<String> APPROVER_GROUP = Variable.text("approverGroup");
    public static final Variable<Boolean> PROPOSAL_APPROVED = Variable.flag("proposalApproved");
    public static final Variable<String> APPROVAL_COMMENT = Variable.text("approvalComment");
    public static final Variable<String> SETTLEMENT_RESPONSE = Variable.text("settlementResponse");
    public static final Variable<BigDecimal> COUNTER_AMOUNT = Variable.money("counterAmount");
    public static final Variable<String> COUNTER_REASON = Variable.text("counterReason");
    public static final Variable<Integer> NEGOTIATION_ROUND = Variable.integer("negotiationRound");
    public static final Variable<String> AGREEMENT_ID = Variable.text("agreementId");
    public static final Variable<Boolean> AGREEMENT_SIGNED = Variable.flag("agreementSigned");
    public static final Variable<String> SIGNATURE_METHOD = Variable.text("signatureMethod");
    public static final Variable<LocalDate> SIGNED_ON = Variable.date("signedOn");
    public static final Variable<Boolean> EXECUTION_CONFIRMED = Variable.flag("executionConfirmed");
    public static final Variable<String> EXECUTION_NOTE = Variable.text("executionNote");

    private SettlementVariables() {
    }
}
