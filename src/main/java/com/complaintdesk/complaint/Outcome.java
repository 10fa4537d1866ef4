package com.complaintdesk.complaint;

/** How a complaint was closed (modelled on CFPB closing codes and ISO 10002). */
public enum Outcome {
    RESOLVED_MONETARY, RESOLVED_NON_MONETARY, EXPLAINED, REJECTED, WITHDRAWN, DUPLICATE, REFERRED_EXTERNAL,
    /** Settled in court or before the arbitration commission (a mediation statement), then carried out. */
    LEGAL_SETTLED,
    /** Ended by a judgment, ruling or award, complied with. */
    LEGAL_JUDGMENT
}
