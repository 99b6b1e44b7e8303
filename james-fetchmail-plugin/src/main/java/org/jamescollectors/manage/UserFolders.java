package org.jamescollectors.manage;

import java.util.List;

import org.apache.james.core.Username;

import com.google.inject.ImplementedBy;

/** The top-level folders of a user's James mailbox, the possible target folders. */
@ImplementedBy(JamesUserFolders.class)
public interface UserFolders {
    /** Names of the user's top-level mailboxes other than INBOX, sorted. */
    List<String> topLevel(Username user);

    boolean exists(Username user, String folder);
}
