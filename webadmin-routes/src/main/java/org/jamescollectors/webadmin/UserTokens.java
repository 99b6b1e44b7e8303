package org.jamescollectors.webadmin;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.apache.james.filesystem.api.FileSystem;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;

/**
 * Verifies user tokens (signed JWTs, RS* or ES*) with the public keys the operator named in
 * {@code api.jwt.publicKeys}, and returns their {@code sub}. Other claims, {@code admin}
 * included, give no rights here. No key configured means every token is refused.
 */
final class UserTokens {
    static final String SETTING = "api.jwt.publicKeys";
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private final List<PublicKey> keys;

    private UserTokens(List<PublicKey> keys) {
        this.keys = List.copyOf(keys);
    }

    static UserTokens of(List<PublicKey> keys) {
        return new UserTokens(keys);
    }

    /** Reads every key file; throws naming the setting and the file when one cannot be used. */
    static UserTokens load(List<String> locations, FileSystem fileSystem) {
        List<PublicKey> keys = new ArrayList<>();
        for (String location : locations) {
            keys.add(parsePem(read(location, fileSystem), location));
        }
        return new UserTokens(keys);
    }

    static String read(String location, FileSystem fileSystem) {
        try {
            Path path = fileSystem.getFile(asFileSystemUrl(location)).toPath();
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException(SETTING + ": no key file at " + location, e);
        } catch (IOException e) {
            throw new IllegalStateException(SETTING + ": cannot read " + location + ": " + e, e);
        }
    }

    /** Plain paths are relative to James' conf folder; absolute paths and URLs stay as they are. */
    private static String asFileSystemUrl(String location) {
        if (location.contains("://") || location.startsWith("classpath:")) {
            return location;
        }
        if (Path.of(location).isAbsolute()) {
            return "file://" + location;
        }
        return "file://conf/" + location;
    }

    /** An X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), RSA or EC. */
    static PublicKey parsePem(String pem, String source) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(SETTING + ": " + source + " holds no '" + BEGIN
                + "' block (PKCS#1 'RSA PUBLIC KEY' files must be converted)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + ": " + source + " is not valid base64", e);
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // tried the next algorithm
            }
        }
        throw new IllegalStateException(SETTING + ": " + source + " is neither an RSA nor an EC"
            + " public key");
    }

    boolean enabled() {
        return !keys.isEmpty();
    }

    boolean uses(PublicKey key) {
        return keys.contains(key);
    }

    /** The token's subject if one of the keys verifies it and it has not expired. */
    Optional<String> subject(String token) {
        for (PublicKey key : keys) {
            try {
                Claims claims = Jwts.parserBuilder().setSigningKey(key).build()
                    .parseClaimsJws(token).getBody();
                return Optional.ofNullable(claims.getSubject()).filter(sub -> !sub.isBlank());
            } catch (JwtException | IllegalArgumentException e) {
                // not signed by this key, expired, or malformed: try the next key
            }
        }
        return Optional.empty();
    }
}
