package com.complaintdesk.complaint;

/** How a complaint reached us. */
public enum Channel { HOTLINE, ONLINE, WALK_IN, REGULATOR }
