package com.tierpilot.tenant.web;

import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.LoginLinkService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Completes a one-time login link: signs the user in, gives the browser a new session id (as a password login does),
 * and goes to the dashboard. An unknown, used or expired link leads to the login page.
 */
@Controller
class LoginLinkController {

    private final LoginLinkService loginLinks;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    LoginLinkController(LoginLinkService loginLinks) {
        this.loginLinks = loginLinks;
    }

    @GetMapping("/auth/complete")
    void complete(@RequestParam("token") String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<TierPilotUser> user = loginLinks.redeem(token);
        if (user.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        TierPilotUser principal = user.get();
        principal.eraseCredentials();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
