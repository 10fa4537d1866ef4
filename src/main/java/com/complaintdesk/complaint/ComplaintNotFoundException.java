package com.complaintdesk.complaint;

public class ComplaintNotFoundException extends RuntimeException {

    public ComplaintNotFoundException(String complaintNumber) {
        super("No complaint with number " + complaintNumber);
    }
}
