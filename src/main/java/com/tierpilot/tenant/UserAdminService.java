package com.tierpilot.tenant;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.tenant.domain.Invitation;
import com.tierpilot.tenant.domain.InvitationRepository;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import com.tierpilot.tenant.persistence.UserQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's management of the tenant's users: listing, invitations, roles and deactivation. */
@Service
@Transactional
public class UserAdminService {

    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);

    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final InvitationMailer mailer;
    private final UserQueries queries;
    private final Clock clock;

    UserAdminService(UserAccountRepository users, InvitationRepository invitations, InvitationMailer mailer,
            UserQueries queries, Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.mailer = mailer;
        this.queries = queries;
        this.clock = clock;
    }

    /** One page of the tenant's users, sorted in SQL. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OWNER')")
    public List<UserSummary> users(TenantId tenant, int offset, int limit, String sortKey, boolean ascending) {
        return queries.page(tenant, offset, limit, sortKey, ascending, clock.instant());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OWNER')")
    public int countUsers(TenantId tenant) {
        return queries.count(tenant);
    }

    /**
     * Invites a new user. The returned link is the only place the raw token appears: it is shown once to copy and,
     * if SMTP is configured, e-mailed.
     *
     * @param baseUrl the public address of this installation, e.g. {@code https://crm.example.com}
     */
    @PreAuthorize("hasRole('OWNER')")
    public InvitationLink invite(TenantId tenant, UserId inviter, String email, Role role, String baseUrl,
            Locale mailLocale) {
        String normalized = UserAccount.normalizeEmail(email);
        if (!normalized.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || normalized.length() > 254) {
            throw new UserFacingException("users.error.invalidEmail");
        }
        if (users.emailTaken(normalized)) {
            throw new UserFacingException("users.error.emailTaken");
        }
        String token = SecretTokens.newToken("");
        Invitation invitation = invitations.save(
                Invitation.issue(tenant, normalized, role, SecretTokens.hash(token), inviter, clock.instant()));
        String url = baseUrl.replaceAll("/+$", "") + "/invite/" + token;
        boolean emailed = mailer.send(tenant, normalized, url, invitation.expiresAt(), mailLocale);
        log.info("User {} invited {} as {}", inviter, normalized, role);
        return new InvitationLink(url, normalized, invitation.expiresAt(), emailed);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OWNER')")
    public List<PendingInvitation> pendingInvitations(TenantId tenant) {
        return invitations.findPending(tenant, clock.instant()).stream()
                .map(i -> new PendingInvitation(i.id(), i.email(), i.role(), i.createdAt(), i.expiresAt())).toList();
    }

    @PreAuthorize("hasRole('OWNER')")
    public void revokeInvitation(TenantId tenant, long invitationId) {
        Invitation invitation = invitations.findInTenant(tenant, invitationId)
                .orElseThrow(() -> new NotFoundException("invitation"));
        invitation.revoke(clock.instant());
        invitations.save(invitation);
    }

    @PreAuthorize("hasRole('OWNER')")
    public void changeRole(TenantId tenant, UserId actor, UserId target, Role role) {
        UserAccount user = find(tenant, target);
        if (user.role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(tenant, user);
        }
        user.changeRole(role);
        users.save(user);
        log.info("User {} changed the role of {} to {}", actor, target, role);
    }

    @PreAuthorize("hasRole('OWNER')")
    public void deactivate(TenantId tenant, UserId actor, UserId target) {
        if (actor.equals(target)) {
            throw new UserFacingException("users.error.deactivateSelf");
        }
        UserAccount user = find(tenant, target);
        if (user.role() == Role.OWNER) {
            requireAnotherOwner(tenant, user);
        }
        user.deactivate();
        users.save(user);
        log.info("User {} deactivated {}", actor, target);
    }

    @PreAuthorize("hasRole('OWNER')")
    public void reactivate(TenantId tenant, UserId actor, UserId target) {
        UserAccount user = find(tenant, target);
        user.reactivate();
        users.save(user);
        log.info("User {} reactivated {}", actor, target);
    }

    private void requireAnotherOwner(TenantId tenant, UserAccount owner) {
        long activeOwners = users.countActiveOwners(tenant);
        if (owner.active() && activeOwners <= 1) {
            throw new UserFacingException("users.error.lastOwner");
        }
    }

    private UserAccount find(TenantId tenant, UserId id) {
        return users.findInTenant(tenant, id.value()).orElseThrow(() -> new NotFoundException("user"));
    }

    /** Active account managers of the tenant, for assignment screens. */
    @Transactional(readOnly = true)
    public List<UserSummary> accountManagers(TenantId tenant) {
        return users.findActiveByRole(tenant, Role.ACCOUNT_MANAGER).stream().map(this::toSummary).toList();
    }

    /** The active user of this tenant with this e-mail address, if any. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(TenantId tenant, String email) {
        return users.findByEmail(UserAccount.normalizeEmail(email)).filter(u -> u.tenantId().equals(tenant))
                .map(this::toSummary);
    }

    /** The user of this tenant with this id, active or not, if any. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> findUser(TenantId tenant, UserId user) {
        return users.findInTenant(tenant, user.value()).map(this::toSummary);
    }

    private UserSummary toSummary(UserAccount u) {
        return new UserSummary(u.userId(), u.email(), u.displayName(), u.role(), u.active(), u.lastLoginAt(),
                u.isLockedAt(clock.instant()));
    }
}
