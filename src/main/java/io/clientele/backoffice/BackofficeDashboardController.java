package io.clientele.backoffice;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.clientele.audit.AuditTrail;
import io.clientele.audit.AuditType;
import io.clientele.credentials.PasswordPolicy;
import io.clientele.customer.CustomerManagement;
import io.clientele.notification.MailQueue;
import io.clientele.notification.MailStatus;
import io.clientele.staff.StaffPrincipal;

/** The dashboard: the figures staff look at first. */
@Controller
class BackofficeDashboardController {

	private final CustomerManagement customers;

	private final BackofficeCustomers pages;

	private final AuditTrail audit;

	private final MailQueue mails;

	private final Clock clock;

	private final PasswordPolicy policy;

	BackofficeDashboardController(CustomerManagement customers, BackofficeCustomers pages, AuditTrail audit,
			MailQueue mails, Clock clock, PasswordPolicy policy) {
		this.policy = policy;
		this.customers = customers;
		this.pages = pages;
		this.audit = audit;
		this.mails = mails;
		this.clock = clock;
	}

	@GetMapping("/backoffice")
	String dashboard(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		// a password set under an older policy still signs in; its owner is told what now
		// applies, as the storefront tells customers
		model.addAttribute("passwordOutdated", staff.passwordOutdated());
		model.addAttribute("singleFactorMinLength", policy.minLength(false));
		model.addAttribute("secondFactorMinLength", policy.minLength(true));
		var mailCounts = mails.countByStatus();
		var startOfToday = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
		model.addAttribute("statistics", customers.statistics());
		model.addAttribute("lockedNow", pages.lockedCustomers().size());
		model.addAttribute("resetsToday", audit.count(AuditType.RESET_REQUESTED, startOfToday));
		model.addAttribute("mailsQueued", mailCounts.get(MailStatus.QUEUED) + mailCounts.get(MailStatus.SENDING));
		model.addAttribute("mailsFailed", mailCounts.get(MailStatus.FAILED));
		return "backoffice/dashboard";
	}

}
