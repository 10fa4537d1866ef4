package com.complaintdesk.complaint;

/** What a complaint is about; the DMN table complaint-routing maps each to a department. */
public enum Category {
    TECHNICAL_FAULT, FEE_DISPUTE, APPLICATION_PROCESS, BRAND_MARKETING, PRODUCT_QUALITY, SERVICE_QUALITY, COMPLIANCE, OTHER
}
