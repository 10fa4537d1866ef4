package com.complaintdesk.notification;

import com.complaintdesk.identity.AsApplication;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Staff's e-mail addresses from Camunda's identity service. Looked up as the application, not as whoever is signed in:
 * a reminder goes to the whole group even when the user whose step sends it may not read the other users.
 */
@Component
class StaffDirectory {

    /** A member of staff who can be written to. */
    record Member(String userId, String name, String email) {
    }

    private final IdentityService identityService;

    StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user, where it exists and has an e-mail address. */
    List<Member> user(String userId) {
        return asApplication(() -> withEmail(identityService.createUserQuery().userId(userId).list()));
    }

    /** The group's members with an e-mail address, by user id. */
    List<Member> membersOf(String groupId) {
        return asApplication(() -> withEmail(identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()));
    }

    private static List<Member> withEmail(List<User> users) {
        return users.stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> new Member(u.getId(), name(u), u.getEmail().strip()))
                .toList();
    }

    /** 王芳 (family name first, no space) for a Chinese name; Fang Wang for a name in Latin letters. */
    static String name(User user) {
        String given = user.getFirstName() == null ? "" : user.getFirstName().strip();
        String family = user.getLastName() == null ? "" : user.getLastName().strip();
        String name = (given + family).matches(".*[A-Za-z].*") ? (given + " " + family).strip() : family + given;
        return name.isEmpty() ? user.getId() : name;
    }

    private <T> T asApplication(Supplier<T> lookup) {
        return AsApplication.call(identityService, lookup);
    }
}
