package com.tierpilot.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** What a new business gives at sign-up. */
public record SignUpCommand(
        @NotBlank @Size(max = 120) String companyName,
        @NotBlank @Size(max = 120) String yourName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull String password,
        @NotNull ZoneId timeZone,
        @NotNull Currency currency,
        @NotNull Locale language) {
}
