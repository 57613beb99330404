package org.ebrelay.adapter.xmldsig;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSA signatures by the chosen provider ({@link SignatureProvider}), with keys kept in that provider's own form:
 * translating a JDK key into AWS-LC's on every use costs more than the signature itself.
 */
final class ProviderKeys {
    /** More keys than this means keys renewed many times over: start again rather than keep every old one. */
    private static final int MAX_KEYS = 64;

    private final Optional<Provider> provider;
    private final Map<Key, Key> translated = new ConcurrentHashMap<>();

    /** @param provider the RSA provider; empty: the JDK's, with keys as they are */
    ProviderKeys(Optional<Provider> provider) {
        this.provider = provider;
    }

    Signature signature(String jcaName) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance(jcaName, provider.get()) : Signature.getInstance(jcaName);
    }

    /** {@code key} as the provider holds it. */
    @SuppressWarnings("unchecked")
    <K extends Key> K of(K key) throws GeneralSecurityException {
        if (provider.isEmpty()) {
            return key;
        }
        Key known = translated.get(key);
        if (known == null) {
            if (translated.size() >= MAX_KEYS) {
                translated.clear();
            }
            known = KeyFactory.getInstance("RSA", provider.get()).translateKey(key);
            translated.put(key, known);
        }
        return (K) known;
    }
}
