package com.complaintdesk.intake;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a complainant tells us when registering a complaint: from the Tasklist start form or the public API. */
public record ComplaintRegistration(
        @NotNull Channel channel,
        @NotBlank @Size(max = 100) String complainantName,
        @NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{complaint.phone.invalid}") String complainantPhone,
        @Email @Size(max = 200) String complainantEmail,
        @NotBlank @Size(max = 40) String merchantId,
        @Size(max = 40) String terminalSerial,
        @NotNull Category category,
        boolean viaSalesPromotion,
        @NotBlank @Size(max = 2000) String description,
        @DecimalMin("0.0") @DecimalMax("100.0") @Digits(integer = 3, fraction = 4) BigDecimal contractedRatePercent,
        @Valid @Size(max = 50) List<TransactionLine> transactions) {

    public ComplaintRegistration {
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** A card transaction the complaint is about. */
    public record TransactionLine(
            @NotBlank @Size(max = 64) String reference,
            Instant occurredAt,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal feeCharged) {
    }
}
