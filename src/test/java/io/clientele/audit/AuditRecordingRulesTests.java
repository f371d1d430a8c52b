package io.clientele.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Delivery code (pages, API, console) never writes the audit trail itself: the feature
 * that performs an action records it in the action's own transaction, so an action and
 * its entry commit or roll back together.
 */
class AuditRecordingRulesTests {

	@Test
	void deliveryCodeNeverWritesTheAuditTrail() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.clientele");

		noClasses().that()
			.resideInAnyPackage("io.clientele.backoffice..", "io.clientele.api..", "io.clientele.console..",
					"io.clientele.storefront..")
			.should()
			.callMethodWhere(DescribedPredicate.describe("AuditTrail.record or recordAll",
					call -> call.getTargetOwner().isEquivalentTo(AuditTrail.class)
							&& call.getName().startsWith("record")))
			.check(classes);
	}

}
