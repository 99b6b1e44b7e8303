package org.jamescollectors.notify;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.jamescollectors.config.CollectorsConfiguration;
import org.jamescollectors.store.Stores;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Binds the {@link PauseNotifier}: mail through James in the configured language, with the
 * texts of James' conf folder taking precedence over the shipped ones, or nothing when
 * {@code notifications.enabled} is false. Installed by the plugin's module.
 */
public final class NotificationModule extends AbstractModule {
    @Provides
    @Singleton
    PauseNotifier pauseNotifier(CollectorsConfiguration configuration,
                                Provider<MailetContext> mailetContext, UsersRepository users,
                                Stores stores, FileSystem fileSystem, Clock clock)
        throws Exception {
        if (!configuration.notificationsEnabled()) {
            return PauseNotifier.none();
        }
        Path conf = fileSystem.getFile("file://conf/").toPath();
        NoticeTexts texts = NoticeTexts.of(configuration.notificationLanguage(), Optional.of(conf));
        return new MailPauseNotifier(mailetContext::get, users, PauseNoticeWriter.of(texts),
            PauseNoticeLedger.over(stores.metadata()), clock);
    }
}
