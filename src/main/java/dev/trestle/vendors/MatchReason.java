package dev.trestle.vendors;

import org.eclipse.microprofile.graphql.Description;

@Description("What a Procore company or Precoro supplier and a suggested NetSuite vendor have in common.")
public enum MatchReason {
    @Description("The same name once case, punctuation, spacing and legal suffixes (Inc, LLC, Ltd, Co...) are ignored.")
    NAME,
    @Description("The same email, ignoring case and surrounding spaces.")
    EMAIL,
    @Description("The same phone number (its last ten digits).")
    PHONE
}
