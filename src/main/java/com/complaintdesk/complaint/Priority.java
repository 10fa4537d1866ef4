package com.complaintdesk.complaint;

public enum Priority { HIGH, NORMAL, LOW }
