package com.complaintdesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for a laptop (profile {@code demo}): the department groups, one or two staff per department, the
 * Tasklist filters and the authorizations that let each department see its own work. Runs once the application is
 * ready (engine built, models deployed) and again on every start: it checks what exists and creates only what is
 * missing, so it never duplicates and never overwrites changes made in Admin (like Camunda's invoice
 * DemoDataGenerator). A read-only identity service (LDAP) keeps its own users and groups; filters and
 * authorizations live in the engine's database and are still created for the group ids.
 *
 * <p>The admin user comes from the starter's {@code camunda.bpm.admin-user}, not from here.
 */
@Component
@Profile("demo")
class DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    static final String EMAIL_DOMAIN = "complaintdesk.example";

    /** A demo member of staff: Chinese family name and given name, and the department group. */
    record DemoUser(String id, String familyName, String givenName, String groupId) {

        String email() {
            return id + "@" + EMAIL_DOMAIN;
        }

        /** 王芳: Tasklist, Cockpit and Admin show "first name, space, last name", so the whole name, family name first,
         * goes in the first name and the last name stays empty. */
        String fullName() {
            return familyName + givenName;
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("wang.fang", "王", "芳", Departments.CUSTOMER_SERVICE),
            new DemoUser("li.na", "李", "娜", Departments.CUSTOMER_SERVICE),
            new DemoUser("zhang.wei", "张", "伟", Departments.TECHNICAL_SUPPORT),
            new DemoUser("liu.yang", "刘", "洋", Departments.TECHNICAL_SUPPORT),
            new DemoUser("chen.jing", "陈", "静", Departments.COMPLIANCE_LEGAL),
            new DemoUser("zhao.lei", "赵", "磊", Departments.MARKETING_BRAND),
            new DemoUser("sun.li", "孙", "丽", Departments.COMPLAINT_MANAGERS));

    private final IdentityService identityService;
    private final TaskFilters taskFilters;
    private final GroupAuthorizations groupAuthorizations;
    private final String password;

    DemoDataSeeder(IdentityService identityService, TaskFilters taskFilters, GroupAuthorizations groupAuthorizations,
                   @Value("${complaint-desk.demo.password:demo}") String password) {
        this.identityService = identityService;
        this.taskFilters = taskFilters;
        this.groupAuthorizations = groupAuthorizations;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        seed();
    }

    /** Creates whatever of the demo data is missing; safe to call any number of times. */
    void seed() {
        if (identityService.isReadOnly()) {
            log.info("Identity service is read-only: demo groups and users are not created");
        } else {
            Departments.ALL.forEach(this::ensureGroup);
            USERS.forEach(this::ensureUser);
        }
        var filters = taskFilters.ensureFilters();
        groupAuthorizations.ensureGrants(filters);
        log.info("Demo data in place: {} groups, {} users, {} Tasklist filters", Departments.ALL.size(), USERS.size(), filters.size());
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(Departments.name(groupId));
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
        log.info("Created group {}", groupId);
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.fullName());
            user.setLastName("");
            user.setEmail(demo.email());
            user.setPassword(password);
            identityService.saveUser(user);
            log.info("Created demo user {}", demo.id());
        }
        UserQuery membership = identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groupId());
        if (membership.count() == 0) {
            identityService.createMembership(demo.id(), demo.groupId());
        }
    }
}
