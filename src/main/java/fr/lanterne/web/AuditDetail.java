package fr.lanterne.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a page adds to the audit log's line for a change, in words, when the address alone does not say it (the role
 * given, the account disabled). The audit filter writes it with the request's line.
 */
public final class AuditDetail {

    static final String ATTRIBUTE = AuditDetail.class.getName();

    private AuditDetail() {
    }

    public static void note(HttpServletRequest request, String detail) {
        request.setAttribute(ATTRIBUTE, detail);
    }
}
