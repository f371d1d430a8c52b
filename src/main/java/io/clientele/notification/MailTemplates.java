package io.clientele.notification;

import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code templates/mail/<name>.html} and {@code .txt} in the
 * recipient's language, with the subject {@code mail.<name>.subject} from the mail
 * messages.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
		engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	MailOutbox.RenderedMail render(MailType type, Recipient recipient, Map<String, Object> variables,
			Object... subjectArguments) {
		var context = new Context(recipient.locale());
		context.setVariable("name", recipient.name());
		context.setVariables(variables);
		var subject = messages.getMessage("mail." + type.template() + ".subject", subjectArguments, recipient.locale());
		return new MailOutbox.RenderedMail(type, recipient, subject, engine.process(type.template() + ".html", context),
				engine.process(type.template() + ".txt", context));
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
