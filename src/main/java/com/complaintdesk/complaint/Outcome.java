package com.complaintdesk.complaint;

/** How a complaint was closed (modelled on CFPB closing codes and ISO 10002). */
public enum Outcome {
    RESOLVED_MONETARY, RESOLVED_NON_MONETARY, EXPLAINED, REJECTED, WITHDRAWN, DUPLICATE, REFERRED_EXTERNAL
}
