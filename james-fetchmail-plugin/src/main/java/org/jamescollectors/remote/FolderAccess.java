package org.jamescollectors.remote;

/** How an IMAP source folder is opened: SELECT (read-write) or EXAMINE (read-only). */
public enum FolderAccess {
    /** SELECT: messages can be deleted. */
    READ_WRITE,
    /** EXAMINE on IMAP; on POP3 deletions are refused. Nothing on the server can change. */
    READ_ONLY
}
