package org.jamescollectors.manage;

import java.util.Optional;
import java.util.OptionalLong;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;

/** Reads the storage limit James applies to a user: theirs, else their domain's, else global. */
public final class JamesStorageQuotas implements StorageQuotas {
    private final UserQuotaRootResolver quotaRoots;
    private final MaxQuotaManager maxQuotas;

    @Inject
    public JamesStorageQuotas(UserQuotaRootResolver quotaRoots, MaxQuotaManager maxQuotas) {
        this.quotaRoots = quotaRoots;
        this.maxQuotas = maxQuotas;
    }

    @Override
    public OptionalLong storageLimit(Username user) {
        Optional<QuotaSizeLimit> limit;
        try {
            limit = maxQuotas.getMaxStorage(quotaRoots.forUser(user));
        } catch (MailboxException e) {
            throw new IllegalStateException("cannot read the storage quota of a user", e);
        }
        return limit.filter(QuotaSizeLimit::isLimited)
            .map(value -> OptionalLong.of(value.asLong()))
            .orElse(OptionalLong.empty());
    }
}
