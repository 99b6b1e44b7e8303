package org.jamescollectors.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.jamescollectors.collect.CollectorId;
import org.jamescollectors.collect.Password;

/**
 * Encrypts remote passwords with AES-256-GCM. Each ciphertext is bound to its collector's id (as
 * associated data), so one collector's ciphertext cannot be moved to another. The text form is
 * {@code v1:} followed by base64 of the 12-byte nonce and the ciphertext with its tag.
 */
public final class SecretCipher {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public static SecretCipher of(SecretKey key) {
        return new SecretCipher(key);
    }

    public String encrypt(CollectorId collector, Password password) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, collector, nonce);
            byte[] sealed = cipher.doFinal(password.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 11 runtime", e);
        }
    }

    /**
     * Decrypts; throws {@link SecretException} when the text was sealed under another key or id.
     */
    public Password decrypt(CollectorId collector, String encrypted) throws SecretException {
        if (!encrypted.startsWith(PREFIX)) {
            throw new SecretException("stored password of collector " + collector
                + " is not in a known format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretException("stored password of collector " + collector
                    + " is truncated");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, collector, nonce);
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Password.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretException("stored password of collector " + collector
                + " cannot be decrypted with this node's secret key");
        }
    }

    /** A short, non-secret name of the key, the same on every node that holds the same key. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            StringBuilder hex = new StringBuilder("sha256:");
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Cipher cipher(int mode, CollectorId collector, byte[] nonce)
        throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(collector.asString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
