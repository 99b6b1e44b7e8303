package org.jamescollectors.manage;

import java.util.OptionalLong;

import org.apache.james.core.Username;

import com.google.inject.ImplementedBy;

/** A user's storage quota, which decides how many collectors they may have. */
@ImplementedBy(JamesStorageQuotas.class)
public interface StorageQuotas {
    /** The user's storage limit in bytes, from user, domain or global quota; empty if unlimited. */
    OptionalLong storageLimit(Username user);
}
