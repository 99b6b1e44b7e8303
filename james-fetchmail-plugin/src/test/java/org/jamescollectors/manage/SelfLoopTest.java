package org.jamescollectors.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.apache.james.core.Username;
import org.jamescollectors.remote.FailureKind;
import org.jamescollectors.remote.RemoteException;
import org.junit.jupiter.api.Test;

class SelfLoopTest {
    private static final Username OWNER = Username.of("bob@james.example");
    private static final InetAddress OWN = InetAddress.getLoopbackAddress();
    private static final SelfLoop SELF_LOOP = SelfLoop.of((address, port) ->
        address.equals(OWN) && port == 143);

    @Test
    void loopsShouldBeTrueWhenTheOwnerLogsInToThisServer() throws Exception {
        boolean plain = SELF_LOOP.loops(OWNER, "bob@james.example", OWN, 143);
        boolean upperCase = SELF_LOOP.loops(OWNER, " BOB@James.Example", OWN, 143);
        boolean localPart = SELF_LOOP.loops(OWNER, "Bob", OWN, 143);

        assertThat(plain).isTrue();
        assertThat(upperCase).isTrue();
        assertThat(localPart).isTrue();
    }

    @Test
    void loopsShouldBeFalseForAnotherUserOrAnotherServer() throws Exception {
        InetAddress elsewhere = InetAddress.getByName("192.0.2.7");

        boolean otherUser = SELF_LOOP.loops(OWNER, "alice@james.example", OWN, 143);
        boolean otherDomain = SELF_LOOP.loops(OWNER, "bob@elsewhere.example", OWN, 143);
        boolean otherPort = SELF_LOOP.loops(OWNER, "bob@james.example", OWN, 993);
        boolean otherAddress = SELF_LOOP.loops(OWNER, "bob@james.example", elsewhere, 143);

        assertThat(otherUser).isFalse();
        assertThat(otherDomain).isFalse();
        assertThat(otherPort).isFalse();
        assertThat(otherAddress).isFalse();
    }

    @Test
    void guardShouldRefuseTheOwnMailboxAsARefusedTarget() {
        assertThatThrownBy(() -> SELF_LOOP.guard(OWNER, "bob").check("localhost", OWN, 143))
            .isInstanceOfSatisfying(RemoteException.class, e ->
                assertThat(e.kind()).isEqualTo(FailureKind.REFUSED_TARGET))
            .hasMessageContaining("own mailbox");
    }
}
