/**
 * Value types every module speaks: e-mail addresses, customer references and rule
 * violations. No beans and no tables.
 */
@NullMarked
package io.clientele.shared;

import org.jspecify.annotations.NullMarked;
