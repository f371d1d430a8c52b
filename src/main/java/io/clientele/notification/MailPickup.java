package io.clientele.notification;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The sender while no SMTP server is configured: every mail becomes an {@code .eml} file
 * in a pickup directory that only the system user running Clientele can read (on POSIX
 * systems), created so from the start. Whoever operates the machine can open the mails;
 * the back office never shows their links.
 */
final class MailPickup extends JavaMailSenderImpl {

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path directory;

	MailPickup(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	Path directory() {
		return directory;
	}

	@Override
	protected void doSend(MimeMessage[] messages, @Nullable Object @Nullable [] originalMessages) {
		try {
			ensureDirectory();
			for (var message : messages) {
				if (message.getSentDate() == null) {
					message.setSentDate(new Date());
				}
				// saveChanges makes a new Message-ID: keep the dispatcher's, as Spring's
				// sender does
				var messageId = message.getMessageID();
				message.saveChanges();
				if (messageId != null) {
					message.setHeader("Message-ID", messageId);
				}
				readable(message);
				var name = NAME.format(message.getSentDate().toInstant()) + "-" + UUID.randomUUID();
				// written aside, then renamed: a reader never sees half a mail
				var partial = create(directory.resolve(name + ".part"));
				try (var out = Files.newOutputStream(partial, StandardOpenOption.WRITE)) {
					message.writeTo(out);
				}
				Files.move(partial, directory.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException | MessagingException ex) {
			throw new MailSendException("Could not write the mail to " + directory + ": " + ex.getMessage(), ex);
		}
	}

	// The text parts as they are (8bit), not quoted-printable: a person opens the file in
	// an editor or greps it for the link, which '=3D' and soft line breaks would garble.
	private static void readable(jakarta.mail.Part part) throws MessagingException, IOException {
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				readable(multipart.getBodyPart(i));
			}
		}
		else if (part.isMimeType("text/*")) {
			part.setHeader("Content-Transfer-Encoding", "8bit");
		}
	}

	private void ensureDirectory() throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		var parent = directory.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.createDirectory(directory, permissions(OWNER_ONLY_DIRECTORY));
		}
		catch (FileAlreadyExistsException createdMeanwhile) {
			// another dispatcher thread or node on the same data directory
		}
	}

	private Path create(Path file) throws IOException {
		return Files.createFile(file, permissions(OWNER_ONLY_FILE));
	}

	private FileAttribute<?>[] permissions(Set<PosixFilePermission> permissions) {
		return directory.getFileSystem().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

}
