package com.tierpilot.tenant;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.tenant.domain.Invitation;
import com.tierpilot.tenant.domain.InvitationRepository;
import com.tierpilot.tenant.domain.Tenant;
import com.tierpilot.tenant.domain.TenantRepository;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invitee's side of an invitation: look at it, then accept it once. */
@Service
@Transactional
public class InvitationService {

    private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

    private final InvitationRepository invitations;
    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final LoginLinkService loginLinks;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, TenantRepository tenants, UserAccountRepository users,
            PasswordEncoder passwordEncoder, LoginLinkService loginLinks, Clock clock) {
        this.invitations = invitations;
        this.tenants = tenants;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.loginLinks = loginLinks;
        this.clock = clock;
    }

    /** The invitation behind a link, if it can still be accepted. */
    @Transactional(readOnly = true)
    @TenantAgnostic("the invitee is anonymous; the secret token identifies the invitation")
    public Optional<InvitationPreview> preview(String token) {
        Instant now = clock.instant();
        return invitations.findByTokenHash(SecretTokens.hash(token)).filter(i -> i.isPendingAt(now))
                .flatMap(i -> tenants.findByTenantId(i.tenantId()).filter(Tenant::active)
                        .map(t -> new InvitationPreview(t.name(), i.email(), i.role())));
    }

    /** Creates the invited user and returns the link that signs them in. A link works once. */
    @TenantAgnostic("the invitee is anonymous; the secret token identifies the invitation")
    public LoginLink accept(String token, String displayName, String password, Locale locale) {
        Instant now = clock.instant();
        Invitation invitation = invitations.findByTokenHash(SecretTokens.hash(token))
                .filter(i -> i.isPendingAt(now))
                .orElseThrow(() -> new UserFacingException("invite.error.invalid"));
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new UserFacingException("invite.error.name");
        }
        Passwords.check(password, invitation.email());
        if (users.emailTaken(invitation.email())) {
            throw new UserFacingException("users.error.emailTaken");
        }
        try {
            UserAccount user = users.save(UserAccount.create(invitation.tenantId(), invitation.email(), displayName,
                    passwordEncoder.encode(password), invitation.role(), locale, now));
            invitation.accept(user.userId(), now);
            invitations.save(invitation);
            log.info("Invitation {} accepted by {}", invitation.id(), user.userId());
            return loginLinks.issue(invitation.tenantId(), user.userId());
        } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentUse) {
            throw new UserFacingException("invite.error.invalid");
        }
    }
}
