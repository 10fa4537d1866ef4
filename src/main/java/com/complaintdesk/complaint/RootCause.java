package com.complaintdesk.complaint;

public enum RootCause {
    DEVICE_DEFECT, NETWORK_OR_SYSTEM, FEE_CONFIGURATION, AGENT_MISCONDUCT, POLICY, CUSTOMER_ERROR, OTHER
}
