package com.tierpilot.tenant;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.tenant.domain.Tenant;
import com.tierpilot.tenant.domain.TenantRepository;
import com.tierpilot.tenant.domain.UserAccount;
import com.tierpilot.tenant.domain.UserAccountRepository;
import com.tierpilot.tenant.persistence.SignUpRequestRepository;
import com.tierpilot.tenant.persistence.SignupAttemptRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up and the tenant's own settings. */
@Service
@Transactional
public class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);

    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignupAttemptRepository rateLimiter;
    private final LoginLinkService loginLinks;
    private final SignUpRequestRepository signUpRequests;
    private final SignUpMail signUpMail;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    TenantService(TenantRepository tenants, UserAccountRepository users, PasswordEncoder passwordEncoder,
            SignupAttemptRepository rateLimiter, LoginLinkService loginLinks, SignUpRequestRepository signUpRequests,
            SignUpMail signUpMail, ApplicationEventPublisher events, Validator validator, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.loginLinks = loginLinks;
        this.signUpRequests = signUpRequests;
        this.signUpMail = signUpMail;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Starts a sign-up. The answer is the same whether the address already has an account or not, so the form tells
     * nobody which addresses have one: a new address is mailed a link that creates the company when opened (see
     * {@link #confirmSignUp}); the owner of an existing account is mailed that someone tried to sign up with it.
     *
     * @param clientIp the sign-up form's client address, for the per-address rate limit
     * @param baseUrl  the public address of this installation, for the links in the mail
     */
    public void signUp(SignUpCommand command, String clientIp, String baseUrl) {
        if (!rateLimiter.tryAttempt(clientIp)) {
            log.warn("Sign-up rate limit reached for {}", clientIp);
            throw new UserFacingException("signup.error.rateLimited");
        }
        validate(command);
        String email = UserAccount.normalizeEmail(command.email());
        // Hashed on both paths, so that both take about as long.
        String passwordHash = passwordEncoder.encode(command.password());
        String base = baseUrl.replaceAll("/+$", "");
        var existing = users.findByEmail(email);
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            signUpMail.addressAlreadyHasAnAccount(account.email(), account.displayName(),
                    java.util.Locale.forLanguageTag(account.locale()), base + "/login");
            return;
        }
        var pending = new SignUpRequestRepository.Pending(email, command.companyName().strip(),
                command.yourName().strip(), passwordHash, command.timeZone(), command.currency(), command.language());
        String token = signUpRequests.store(pending);
        signUpMail.confirmationLink(pending, base + SIGN_UP_CONFIRMATION + token,
                clock.instant().plus(SignUpRequestRepository.VALIDITY).atZone(command.timeZone()));
        log.info("Sign-up of {} waits for its confirmation", command.companyName());
    }

    /** The path of the page a sign-up's link opens, before its token. */
    public static final String SIGN_UP_CONFIRMATION = "/signup/confirm/";

    /** The company and address of a sign-up whose link can still be used, for its confirmation page. */
    @Transactional(readOnly = true)
    public Optional<PendingSignUp> pendingSignUp(String token) {
        return signUpRequests.peek(token).map(p -> new PendingSignUp(p.companyName(), p.email()));
    }

    /**
     * Creates the company of a mailed sign-up link and its owner, uses up the link, and returns the one-time link that
     * signs the owner in. A used, expired or unknown link, or an address that got an account meanwhile, is refused.
     */
    public LoginLink confirmSignUp(String token) {
        SignUpRequestRepository.Pending p = signUpRequests.redeem(token)
                .orElseThrow(() -> new UserFacingException("signup.confirm.expired"));
        if (users.emailTaken(p.email())) {
            throw new UserFacingException("signup.confirm.alreadyActive");
        }
        ProvisionedTenant created = create(p.companyName(), p.ownerName(), p.email(), p.passwordHash(),
                p.timeZone(), p.currency(), p.language());
        log.info("Tenant {} signed up ({})", created.tenantId(), p.companyName());
        return loginLinks.issue(created.tenantId(), created.owner());
    }

    /** Creates a tenant with its owner; used by trusted provisioning such as the demo seeder. */
    ProvisionedTenant createTenant(SignUpCommand command) {
        validate(command);
        String email = UserAccount.normalizeEmail(command.email());
        if (users.emailTaken(email)) {
            throw new UserFacingException("signup.error.emailTaken");
        }
        return create(command.companyName(), command.yourName(), email, passwordEncoder.encode(command.password()),
                command.timeZone(), command.currency(), command.language());
    }

    private void validate(SignUpCommand command) {
        Set<ConstraintViolation<SignUpCommand>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            ConstraintViolation<SignUpCommand> first = violations.iterator().next();
            throw new UserFacingException("signup.error.invalid." + first.getPropertyPath());
        }
        Passwords.check(command.password(), command.email());
    }

    private ProvisionedTenant create(String companyName, String ownerName, String email, String passwordHash,
            ZoneId timeZone, Currency currency, java.util.Locale language) {
        Instant now = clock.instant();
        Tenant tenant = tenants.save(Tenant.create(companyName, timeZone, currency, language, now));
        UserAccount owner;
        try {
            owner = users.save(UserAccount.create(tenant.tenantId(), email, ownerName, passwordHash, Role.OWNER,
                    language, now));
        } catch (DuplicateKeyException raceWithSameEmail) {
            throw new UserFacingException("signup.error.emailTaken");
        }
        events.publishEvent(new TenantSignedUp(tenant.tenantId(), tenant.timeZone()));
        return new ProvisionedTenant(tenant.tenantId(), owner.userId());
    }

    @Transactional(readOnly = true)
    /** Today in the company's time zone: the date its nights, greetings and schedules count by. */
    public java.time.LocalDate today(TenantId tenantId) {
        return java.time.LocalDate.now(clock.withZone(profile(tenantId).timeZone()));
    }

    public TenantProfile profile(TenantId tenantId) {
        return tenants.findByTenantId(tenantId).map(TenantService::toProfile)
                .orElseThrow(() -> new NotFoundException("tenant"));
    }

    /** Active tenants, for jobs that visit every tenant. */
    @Transactional(readOnly = true)
    public List<TenantProfile> activeTenants() {
        return tenants.findAllActive().stream().map(TenantService::toProfile).toList();
    }

    @PreAuthorize("hasRole('OWNER')")
    public TenantProfile updateSettings(TenantId tenantId, String name, ZoneId timeZone, Currency currency) {
        if (name.isBlank() || name.length() > 120) {
            throw new UserFacingException("settings.error.name");
        }
        Tenant tenant = tenants.findByTenantId(tenantId).orElseThrow(() -> new NotFoundException("tenant"));
        boolean moved = !tenant.timeZone().equals(timeZone);
        tenant.rename(name);
        tenant.changeRegionalSettings(timeZone, currency);
        TenantProfile saved = toProfile(tenants.save(tenant));
        if (moved) {
            events.publishEvent(new TenantTimeZoneChanged(tenantId, timeZone));
        }
        return saved;
    }

    /**
     * Deactivates the tenant: its users can no longer sign in and its nightly work stops. Kept for the operators'
     * tooling and trusted provisioning; no screen offers it.
     */
    @PreAuthorize("hasRole('OWNER')")
    public void deactivate(TenantId tenantId) {
        Tenant tenant = tenants.findByTenantId(tenantId).orElseThrow(() -> new NotFoundException("tenant"));
        if (!tenant.active()) {
            return;
        }
        tenant.deactivate();
        tenants.save(tenant);
        log.info("Tenant {} deactivated", tenantId);
        events.publishEvent(new TenantDeactivated(tenantId));
    }

    private static TenantProfile toProfile(Tenant t) {
        return new TenantProfile(t.tenantId(), t.name(), t.timeZone(), t.currency(), t.active());
    }
}
