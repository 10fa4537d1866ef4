package com.complaintdesk.intake;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint: turns the start form's fields into a complaint record, numbered, and makes the number the
 * process's business key. A complaint registered through the API arrives with its number already and passes through.
 */
@Component("registerComplaint")
class RegisterComplaintDelegate implements JavaDelegate {

    private final IntakeService intake;

    RegisterComplaintDelegate(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(Lifecycle.COMPLAINT_NUMBER.name())) {
            return; // registered by IntakeService.register before the process started
        }
        IntakeService.Registered registered = intake.registerForStartedProcess(fromStartForm(execution), execution.getProcessInstanceId());
        String number = registered.complaint().getComplaintNumber();
        execution.setProcessBusinessKey(number);
        Lifecycle.COMPLAINT_NUMBER.set(execution, number);
        Lifecycle.SUSPECTED_DUPLICATE_OF.set(execution, registered.suspectedDuplicateOf() == null ? "" : registered.suspectedDuplicateOf());
        // the record holds the text; the variable keeps only its masked form (card numbers never stored whole)
        Lifecycle.DESCRIPTION.set(execution, registered.complaint().getDescription());
        Lifecycle.TRANSACTION_REFERENCE.set(execution, registered.complaint().getTransactions().isEmpty()
                ? null : registered.complaint().getTransactions().get(0).getReference());
    }

    static ComplaintRegistration fromStartForm(DelegateExecution execution) {
        Channel channel = Lifecycle.CHANNEL.get(execution);
        Category category = Lifecycle.CATEGORY.get(execution);
        List<ComplaintRegistration.TransactionLine> transactions = new ArrayList<>();
        String reference = Lifecycle.TRANSACTION_REFERENCE.get(execution);
        BigDecimal amount = Lifecycle.TRANSACTION_AMOUNT.get(execution);
        BigDecimal fee = Lifecycle.FEE_CHARGED.get(execution);
        if (reference != null || amount != null || fee != null) {
            if (reference == null || amount == null || fee == null) {
                throw InvalidInputException.of(reference == null ? Lifecycle.TRANSACTION_REFERENCE.name() : amount == null ? Lifecycle.TRANSACTION_AMOUNT.name() : Lifecycle.FEE_CHARGED.name(),
                        "is required when a transaction is given (reference, amount and fee charged)");
            }
            Instant occurredAt = Lifecycle.TRANSACTION_TIME.get(execution);
            transactions.add(new ComplaintRegistration.TransactionLine(reference, occurredAt, amount, fee));
        }
        return new ComplaintRegistration(
                channel == null ? Channel.HOTLINE : channel,
                Lifecycle.COMPLAINANT_NAME.get(execution),
                Lifecycle.COMPLAINANT_PHONE.get(execution),
                Lifecycle.COMPLAINANT_EMAIL.get(execution),
                Lifecycle.MERCHANT_ID.get(execution),
                Lifecycle.TERMINAL_SERIAL.get(execution),
                category,
                Lifecycle.VIA_SALES_PROMOTION.get(execution),
                Lifecycle.DESCRIPTION.get(execution),
                Lifecycle.CONTRACTED_RATE_PERCENT.get(execution),
                transactions);
    }
}
