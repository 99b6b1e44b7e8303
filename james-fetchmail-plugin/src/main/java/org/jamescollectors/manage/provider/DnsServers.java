package org.jamescollectors.manage.provider;

import java.net.InetSocketAddress;
import java.util.List;

import com.google.inject.ImplementedBy;

/** The DNS servers the assistant asks about unknown domains. */
@ImplementedBy(JamesDnsServers.class)
public interface DnsServers {
    /** Servers to ask, in order; empty means none is configured and nothing is asked. */
    List<InetSocketAddress> servers();
}
