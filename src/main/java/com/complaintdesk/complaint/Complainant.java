package com.complaintdesk.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The merchant (or their representative) who complains. */
@Embeddable
public record Complainant(
        @Column(name = "complainant_name") String name,
        @Column(name = "complainant_phone") String phone,
        @Column(name = "complainant_email") String email,
        @Column(name = "merchant_id") String merchantId) {
}
