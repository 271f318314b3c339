package com.tierpilot.delivery.crypto;

import com.tierpilot.base.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the companies' provider secrets with AES-256-GCM under the platform key: a fresh 96-bit nonce per secret,
 * a 128-bit tag, and the owner of the secret (tenant and provider) as associated data, so a ciphertext copied to
 * another company's row does not decrypt. Stored as {@code v1:} + Base64(nonce + ciphertext + tag).
 *
 * <p>The key is {@code tierpilot.delivery.secret-key} (Base64 of 32 bytes; {@code openssl rand -base64 32}). When it
 * is empty and {@code tierpilot.delivery.dev-key-file} names a file (the default profile: ./data/delivery-dev.key),
 * a development key is generated into that file once and used from then on. With neither (the mysql profile without
 * TIERPILOT_DELIVERY_KEY), saving or using a provider secret is refused with a message for the operator.
 */
@Component
public class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final @Nullable SecretKey key;

    SecretBox(@Value("${tierpilot.delivery.secret-key:}") String configuredKey,
            @Value("${tierpilot.delivery.dev-key-file:}") String devKeyFile) {
        this.key = configuredKey.isBlank() ? devKey(devKeyFile) : key(Base64.getDecoder().decode(configuredKey.trim()));
    }

    /** A box with the given raw 256-bit key. */
    public static SecretBox withKey(byte[] rawKey) {
        return new SecretBox(Base64.getEncoder().encodeToString(rawKey), "");
    }

    public String encrypt(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails when the text was not sealed under this key for this owner. */
    public String decrypt(String sealed, String owner) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a v1 sealed secret");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UserFacingException("delivery.error.secretUnreadable");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private SecretKey requireKey() {
        if (key == null) {
            throw new UserFacingException("delivery.error.noPlatformKey");
        }
        return key;
    }

    private static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("tierpilot.delivery.secret-key must be 32 bytes in Base64, not "
                    + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static @Nullable SecretKey devKey(String file) {
        if (file.isBlank()) {
            log.warn("No platform key (TIERPILOT_DELIVERY_KEY): SMS and e-mail provider keys cannot be saved");
            return null;
        }
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                byte[] raw = new byte[32];
                RANDOM.nextBytes(raw);
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, Base64.getEncoder().encodeToString(raw), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.debug("{} keeps the file system's default permissions", path);
                }
                log.warn("Generated a development platform key in {}: set TIERPILOT_DELIVERY_KEY in production", path);
            }
            return key(Base64.getDecoder().decode(Files.readString(path).trim()));
        } catch (java.nio.file.FileAlreadyExistsException race) {
            return devKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development key " + path, e);
        }
    }
}
