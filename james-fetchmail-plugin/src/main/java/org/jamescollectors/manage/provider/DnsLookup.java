package org.jamescollectors.manage.provider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS about a domain the catalogue does not know: its mail exchangers (to recognise a known
 * provider hosting it) and its RFC 6186 service records. Only James' DNS servers are asked, and
 * nothing found is connected to. Failures and timeouts mean "nothing found".
 */
public final class DnsLookup {
    private static final Logger LOGGER = LoggerFactory.getLogger(DnsLookup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** RFC 6186 §3.1 services, implicit TLS first (RFC 8314 §3.2); plain ones need STARTTLS. */
    private static final List<Service> SERVICES = List.of(
        new Service("_imaps._tcp.", Protocol.IMAP, Security.TLS),
        new Service("_imap._tcp.", Protocol.IMAP, Security.STARTTLS),
        new Service("_pop3s._tcp.", Protocol.POP3, Security.TLS),
        new Service("_pop3._tcp.", Protocol.POP3, Security.STARTTLS));

    private final Optional<Resolver> resolver;

    @Inject
    public DnsLookup(DnsServers servers) {
        this.resolver = resolver(servers.servers());
    }

    private static Optional<Resolver> resolver(List<InetSocketAddress> servers) {
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        List<Resolver> resolvers = servers.stream().map(server -> {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(TIMEOUT);
            return (Resolver) simple;
        }).collect(Collectors.toList());
        ExtendedResolver extended = new ExtendedResolver(resolvers);
        extended.setTimeout(TIMEOUT);
        extended.setRetries(1);
        return Optional.of(extended);
    }

    /** The domain's mail exchanger host names, most preferred first. */
    public List<String> mailExchangers(String domain) {
        return query(domain, Type.MX).stream()
            .filter(MXRecord.class::isInstance)
            .map(MXRecord.class::cast)
            .sorted(Comparator.comparingInt(MXRecord::getPriority))
            .map(mx -> mx.getTarget().toString(true).toLowerCase(Locale.ROOT))
            .collect(Collectors.toList());
    }

    /**
     * The settings the domain publishes in SRV records, best first: lower priority, then higher
     * weight, then implicit TLS before STARTTLS and IMAP before POP3. A target of "." means the
     * service is not offered (RFC 2782) and is left out.
     */
    public List<ServerSettings> serviceRecords(String domain) {
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < SERVICES.size(); rank++) {
            Service service = SERVICES.get(rank);
            for (Record record : query(service.prefix + domain, Type.SRV)) {
                if (record instanceof SRVRecord && ((SRVRecord) record).getPort() > 0
                    && !((SRVRecord) record).getTarget().equals(Name.root)) {
                    candidates.add(new Candidate((SRVRecord) record, service, rank));
                }
            }
        }
        return candidates.stream()
            .sorted(Comparator.comparingInt((Candidate c) -> c.record.getPriority())
                .thenComparing(c -> -c.record.getWeight())
                .thenComparingInt(c -> c.rank))
            .map(Candidate::settings)
            .distinct()
            .collect(Collectors.toList());
    }

    private List<Record> query(String name, int type) {
        if (resolver.isEmpty()) {
            return List.of();
        }
        try {
            Record question = Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN);
            Message answer = resolver.get().send(Message.newQuery(question));
            if (answer.getRcode() != Rcode.NOERROR) {
                return List.of();
            }
            return answer.getSection(Section.ANSWER);
        } catch (TextParseException e) {
            return List.of();
        } catch (IOException e) {
            LOGGER.debug("DNS look-up of {} failed: {}", name, e.toString());
            return List.of();
        }
    }

    private static final class Service {
        private final String prefix;
        private final Protocol protocol;
        private final Security security;

        private Service(String prefix, Protocol protocol, Security security) {
            this.prefix = prefix;
            this.protocol = protocol;
            this.security = security;
        }
    }

    private static final class Candidate {
        private final SRVRecord record;
        private final Service service;
        private final int rank;

        private Candidate(SRVRecord record, Service service, int rank) {
            this.record = record;
            this.service = service;
            this.rank = rank;
        }

        private ServerSettings settings() {
            String host = record.getTarget().toString(true).toLowerCase(Locale.ROOT);
            return ServerSettings.of(service.protocol, host, record.getPort(), service.security);
        }
    }
}
