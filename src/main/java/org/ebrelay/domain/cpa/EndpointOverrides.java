package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.CpaId;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Endpoint URLs of a CPA mapped to others by configuration (a test system, a partner that moved) without editing
 * the signed-off document. The node sends to the mapped URL; every view of the CPA shows both.
 */
public final class EndpointOverrides {
    public static final EndpointOverrides NONE = new EndpointOverrides(List.of());

    /** @param cpaId null: in every CPA */
    public record Mapping(CpaId cpaId, URI from, URI to) {
        public Mapping {
            Require.nonNull(from, "from");
            Require.nonNull(to, "to");
            Require.that(from.isAbsolute() && to.isAbsolute(), "endpoint overrides need absolute URLs: " + from
                    + " -> " + to);
        }

        boolean appliesTo(CpaId agreement, URI uri) {
            return (cpaId == null || cpaId.equals(agreement)) && from.equals(uri);
        }
    }

    private final List<Mapping> overrides;

    public EndpointOverrides(List<Mapping> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    public List<Mapping> all() {
        return overrides;
    }

    /** Where a message to {@code uri} under {@code cpaId} goes instead, if configured (the CPA-specific one wins). */
    public Optional<URI> target(CpaId cpaId, URI uri) {
        return overrides.stream().filter(o -> o.appliesTo(cpaId, uri))
                .sorted((a, b) -> Boolean.compare(a.cpaId() == null, b.cpaId() == null))
                .map(Mapping::to).findFirst();
    }

    /** The agreement with every overridden endpoint replaced; the same instance when nothing applies. */
    public Agreement apply(Agreement agreement) {
        boolean applies = agreement.parties().stream().flatMap(p -> p.channels().stream())
                .flatMap(c -> c.transport().endpoints().stream())
                .anyMatch(e -> target(agreement.cpaId(), e.uri()).isPresent());
        if (!applies) {
            return agreement;
        }
        List<PartyInfo> parties = agreement.parties().stream().map(p -> party(agreement.cpaId(), p)).toList();
        return new Agreement(agreement.cpaId(), agreement.version(), agreement.status(), agreement.start(),
                agreement.end(), parties);
    }

    private PartyInfo party(CpaId cpaId, PartyInfo p) {
        List<DeliveryChannel> channels = p.channels().stream().map(c -> new DeliveryChannel(c.channelId(),
                c.characteristics(), transport(cpaId, c.transport()), c.docExchange())).toList();
        return new PartyInfo(p.partyName(), p.partyIds(), p.bindings(), channels, p.defaultMshChannelId(),
                p.defaultMshPackageId(), p.mshChannelOverrides(), p.certificates(), p.securityDetails());
    }

    private Transport transport(CpaId cpaId, Transport t) {
        List<Endpoint> endpoints = t.endpoints().stream()
                .map(e -> new Endpoint(target(cpaId, e.uri()).orElse(e.uri()), e.type())).toList();
        return new Transport(t.transportId(), endpoints, t.clientSecurity(), t.serverSecurity());
    }
}
