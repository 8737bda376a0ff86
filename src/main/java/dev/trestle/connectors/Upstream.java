package dev.trestle.connectors;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the per-system beans that must exist once per process, such as the
 * {@link ConcurrencyGovernor} and the {@link UpstreamCaller} of NetSuite:
 * {@code @Inject @Upstream(UpstreamSystem.NETSUITE) ConcurrencyGovernor governor}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE })
public @interface Upstream {

    UpstreamSystem value();
}
